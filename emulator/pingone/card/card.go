// Package card renders a PingOne credential type's cardDesignTemplate with
// a credential's values, to SVG and to PNG.
package card

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"regexp"
	"strconv"
	"strings"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
)

// Field is one card line.
type Field struct {
	Title string
	Value string
}

// Card holds what a template's placeholders refer to.
type Card struct {
	Template        string
	Title           string // ${cardTitle}
	Subtitle        string // ${cardSubtitle}
	CardColor       string
	TextColor       string
	BackgroundImage string
	LogoImage       string
	// BgOpacityPercent is 0–100; SVG opacity wants 0–1, so ${bgOpacityPercent}
	// is replaced by the fraction (20 → 0.2).
	BgOpacityPercent float64
	Fields           []Field
}

var placeholder = regexp.MustCompile(`\$\{(cardColor|textColor|backgroundImage|bgOpacityPercent|logoImage|cardTitle|cardSubtitle|fields\[(\d+)\]\.(title|value))\}`)

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	// EscapeText leaves single quotes alone in some versions; attributes
	// may be single-quoted.
	return strings.ReplaceAll(b.String(), "'", "&#39;")
}

// SVG substitutes every placeholder with its XML-escaped value. Unknown
// field indexes become empty strings.
func SVG(c Card) string {
	return placeholder.ReplaceAllStringFunc(c.Template, func(m string) string {
		sub := placeholder.FindStringSubmatch(m)
		var v string
		switch sub[1] {
		case "cardColor":
			v = c.CardColor
		case "textColor":
			v = c.TextColor
		case "backgroundImage":
			v = c.BackgroundImage
		case "bgOpacityPercent":
			v = strconv.FormatFloat(c.BgOpacityPercent/100, 'f', -1, 64)
		case "logoImage":
			v = c.LogoImage
		case "cardTitle":
			v = c.Title
		case "cardSubtitle":
			v = c.Subtitle
		default:
			i, _ := strconv.Atoi(sub[2])
			if i < len(c.Fields) {
				if sub[3] == "title" {
					v = c.Fields[i].Title
				} else {
					v = c.Fields[i].Value
				}
			}
		}
		return escape(v)
	})
}

// PNG rasterises an SVG document at the given width (height follows the
// viewBox). oksvg draws shapes and colours; it skips text and images.
func PNG(svg string, width int) ([]byte, error) {
	icon, err := oksvg.ReadIconStream(strings.NewReader(svg), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, fmt.Errorf("render card: parse svg: %w", err)
	}
	vb := icon.ViewBox
	if vb.W <= 0 || vb.H <= 0 {
		vb.W, vb.H = 740, 480
	}
	if width <= 0 {
		width = int(vb.W)
	}
	height := int(float64(width) * vb.H / vb.W)
	icon.SetTarget(0, 0, float64(width), float64(height))
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	scanner := rasterx.NewScannerGV(width, height, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(width, height, scanner), 1)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("render card: encode png: %w", err)
	}
	return buf.Bytes(), nil
}
