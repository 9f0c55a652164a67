package card_test

import (
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/card"
)

// FuzzSVG fills arbitrary templates with arbitrary values. Substitution must
// never panic, every known placeholder must be replaced, and values must come
// out XML-escaped (a value can never open a tag). The result is rasterised
// too: the SVG parser must not panic on what a template makes. Seeds:
// testdata/fuzz/FuzzSVG.
func FuzzSVG(f *testing.F) {
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 480"><rect fill="${cardColor}" width="740" height="480"/><text fill="${textColor}">${cardTitle}</text><text>${fields[0].title}: ${fields[0].value}</text></svg>`,
		"Verified Employee", "<script>alert(1)</script>", "#0000ff", 20.0)
	f.Add("${cardTitle}${cardSubtitle}${bgOpacityPercent}${fields[9].value}", `"'&<>`, "sub", "red", 100.0)
	f.Fuzz(func(t *testing.T, template, title, value, color string, opacity float64) {
		if len(template) > 8192 {
			t.Skip()
		}
		c := card.Card{
			Template: template, Title: title, Subtitle: value, CardColor: color, TextColor: color,
			BgOpacityPercent: opacity,
			Fields:           []card.Field{{Title: title, Value: value}},
		}
		svg := card.SVG(c)
		for _, p := range []string{"${cardTitle}", "${cardSubtitle}", "${cardColor}", "${textColor}", "${fields[0].value}"} {
			if strings.Contains(template, p) && !strings.Contains(title+value+color, "${") && strings.Contains(svg, p) {
				t.Fatalf("placeholder %s left in the output", p)
			}
		}
		if !strings.Contains(template, "<") && strings.Contains(svg, "<") {
			t.Fatalf("a value opened a tag: template %q gave %q", template, svg)
		}
		_, _ = card.PNG(svg, 16)
	})
}
