package platform

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

var (
	svgTemplatePattern = regexp.MustCompile(`^<svg.*>[\s\S]*</svg>\s*$`)
	colorPattern       = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
)

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// validateCredentialType checks a create or update body against the rules
// of the credential type data model.
func validateCredentialType(c *model.CredentialType) error {
	var v model.Validation
	if strings.TrimSpace(c.Title) == "" {
		v.Required("title")
	}
	if c.CardDesignTemplate == "" {
		v.Required("cardDesignTemplate")
	} else if !svgTemplatePattern.MatchString(c.CardDesignTemplate) {
		v.Invalid("cardDesignTemplate", "must be an SVG document (<svg ...>...</svg>)")
	}
	mode := c.Mode()
	if mode != model.ModeAutomated && mode != model.ModeManaged {
		v.Invalid("management.mode", "must be AUTOMATED or MANAGED")
	}
	if c.Multiple != nil && strings.TrimSpace(c.Multiple.Expression) == "" {
		v.Required("multiple.expression")
	}
	if c.Expiration != nil {
		validateExpiration(&v, c.Expiration, mode)
	}
	if c.Metadata == nil {
		v.Required("metadata")
		return v.Err()
	}
	m := c.Metadata
	for target, color := range map[string]string{"metadata.cardColor": m.CardColor, "metadata.textColor": m.TextColor} {
		if color != "" && !colorPattern.MatchString(color) {
			v.Invalid(target, "must be a colour like #RRGGBB")
		}
	}
	if m.BgOpacityPercent != nil && (*m.BgOpacityPercent < 0 || *m.BgOpacityPercent > 100) {
		v.Invalid("metadata.bgOpacityPercent", "must be between 0 and 100")
	}
	if m.Columns != nil && (*m.Columns < 1 || *m.Columns > 3) {
		v.Invalid("metadata.columns", "must be between 1 and 3")
	}
	if len(m.Fields) == 0 {
		v.Add(model.DetailRequiredValue, "metadata.fields", "at least one field is required")
	}
	titles := map[string]bool{}
	for i, f := range m.Fields {
		validateField(&v, fmt.Sprintf("metadata.fields[%d]", i), f, mode)
		if f.Title != "" {
			if titles[f.Title] {
				// Titles key the `data` of user credentials, so they must be unique.
				v.Add(model.DetailUniquenessViolation, fmt.Sprintf("metadata.fields[%d].title", i), "another field has this title")
			}
			titles[f.Title] = true
		}
	}
	return v.Err()
}

func validateField(v *model.Validation, at string, f model.Field, mode string) {
	if f.ID == "" {
		v.Required(at + ".id")
	}
	if strings.TrimSpace(f.Title) == "" {
		v.Required(at + ".title")
	}
	if f.IsVisible == nil {
		v.Required(at + ".isVisible")
	}
	switch f.Type {
	case "":
		v.Required(at + ".type")
	case model.FieldDirectory:
		if f.Attribute == "" {
			v.Add(model.DetailRequiredValue, at+".attribute", "a Directory Attribute field needs an attribute")
		}
		if f.Value != nil {
			v.Invalid(at+".value", "a Directory Attribute field takes its value from the attribute")
		}
	case model.FieldAlphanumeric:
		if f.DefaultValue() == "" && mode != model.ModeManaged {
			v.Add(model.DetailRequiredValue, at+".value", "an Alphanumeric Text field of an AUTOMATED type needs a value")
		}
	case model.FieldIssuedAt:
	default:
		v.Invalid(at+".type", "must be Alphanumeric Text, Directory Attribute or Issued Timestamp")
	}
	if f.FileSupport != "" {
		switch {
		case f.Type != model.FieldDirectory:
			v.Invalid(at+".fileSupport", "only a Directory Attribute field supports files")
		case f.FileSupport != "BASE64_STRING" && f.FileSupport != "INCLUDE_FILE" && f.FileSupport != "REFERENCE_FILE":
			v.Invalid(at+".fileSupport", "must be BASE64_STRING, INCLUDE_FILE or REFERENCE_FILE")
		}
	}
}

func validateExpiration(v *model.Validation, e *model.Expiration, mode string) {
	if mode != model.ModeAutomated {
		v.Invalid("expiration", "only AUTOMATED credential types can expire by rule")
	}
	switch e.Type {
	case "SOFT":
		if e.FieldName == "" {
			v.Required("expiration.fieldName")
		}
	case "HARD", "":
	default:
		v.Invalid("expiration.type", "must be SOFT or HARD")
	}
	kinds := 0
	if e.After != nil {
		kinds++
		hours := map[string]int{"HOURS": 1, "DAYS": 24, "WEEKS": 24 * 7, "MONTHS": 24 * 28, "YEARS": 24 * 365}
		factor, ok := hours[e.After.TimeUnit]
		if !ok {
			v.Invalid("expiration.after.timeUnit", "must be HOURS, DAYS, WEEKS, MONTHS or YEARS")
		} else if e.After.Duration*factor < 1 {
			v.Invalid("expiration.after.duration", "must be at least one hour")
		}
	}
	if e.Timestamp != "" {
		kinds++
	}
	if e.Expression != "" {
		kinds++
	}
	if kinds != 1 {
		v.Invalid("expiration", "exactly one of after, timestamp or expression is required")
	}
}

func expirationSpan(a *model.ExpirationSpan) time.Duration {
	hours := map[string]int{"HOURS": 1, "DAYS": 24, "WEEKS": 24 * 7, "MONTHS": 24 * 30, "YEARS": 24 * 365}
	return time.Duration(a.Duration*hours[a.TimeUnit]) * time.Hour
}
