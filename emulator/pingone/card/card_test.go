package card

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"strings"
	"testing"
)

const template = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 480"><rect fill="${cardColor}" width="740" height="480"></rect>` +
	`<image href="${backgroundImage}" opacity="${bgOpacityPercent}"></image>` +
	`<text fill="${textColor}">${cardTitle}</text><text>${cardSubtitle}</text>` +
	`<text>${fields[0].title}: ${fields[0].value}</text><text>${fields[1].title}: ${fields[1].value}</text><text>${fields[7].value}</text></svg>`

func TestSVGSubstitutesAndEscapes(t *testing.T) {
	svg := SVG(Card{
		Template: template, Title: `<script>alert("x")</script>`, Subtitle: `Tom & Jerry's`,
		CardColor: "#FF0000", TextColor: "#000000", BgOpacityPercent: 20,
		Fields: []Field{{Title: "Name", Value: `a<b>&"c"`}, {Title: "City", Value: "Paris"}},
	})
	mustNotContain(t, svg, "<script>")
	mustContain(t, svg, "&lt;script&gt;")
	mustContain(t, svg, "Tom &amp; Jerry&#39;s")
	mustContain(t, svg, "a&lt;b&gt;&amp;&#34;c&#34;")
	mustContain(t, svg, `opacity="0.2"`)
	mustContain(t, svg, "City: Paris")
	mustNotContain(t, svg, "${")
	// The result is still well-formed XML.
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestPNGDrawsCardColour(t *testing.T) {
	svg := SVG(Card{Template: template, CardColor: "#FF0000", TextColor: "#000000"})
	b, err := PNG(svg, 370)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 370 || img.Bounds().Dy() != 240 {
		t.Fatalf("size %v, want 370x240", img.Bounds())
	}
	if r, g, bl, a := img.At(100, 100).RGBA(); r != 0xffff || g != 0 || bl != 0 || a != 0xffff {
		t.Fatalf("pixel = %x %x %x %x, want opaque red", r, g, bl, a)
	}
}

func mustContain(t *testing.T, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Fatalf("%q not found in %s", sub, s)
	}
}

func mustNotContain(t *testing.T, s, sub string) {
	t.Helper()
	if strings.Contains(s, sub) {
		t.Fatalf("%q unexpectedly found in %s", sub, s)
	}
}
