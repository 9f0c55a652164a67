package platform

import (
	"context"
	"fmt"

	"github.com/journeyjs/journeyjs/emulator/pingone/card"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// CredentialCard builds the card of a user credential from stored values:
// field defaults, directory attributes and the issued timestamp as they
// were at issue. Fields that were filled from the ephemeral data render
// empty, because that data was never kept. envID may be empty to search
// every environment.
func (p *Platform) CredentialCard(ctx context.Context, envID, credentialID string) (card.Card, error) {
	var c card.Card
	err := p.inTx(ctx, func(t *store.Tx) error {
		if envID == "" {
			var err error
			if envID, err = store.FindEnvOf(t, model.KindUserCredential, credentialID); err != nil {
				return model.NotFound()
			}
		}
		rec, err := store.Get[model.CredentialRecord](t, model.KindUserCredential, envID, credentialID)
		if err == store.ErrNotFound {
			return model.NotFound()
		}
		if err != nil {
			return err
		}
		// Deleted types keep their document (deletedAt), so old cards render.
		ct, err := store.Get[model.CredentialType](t, model.KindCredentialType, envID, rec.Credential.CredentialType.ID)
		if err != nil {
			return err
		}
		c = cardOf(ct, rec.Values)
		return nil
	})
	if err != nil {
		return card.Card{}, fmt.Errorf("credential card %s: %w", credentialID, err)
	}
	return c, nil
}

func cardOf(ct *model.CredentialType, values map[string]string) card.Card {
	c := card.Card{Template: ct.CardDesignTemplate, Title: ct.Title, Subtitle: ct.Description}
	if m := ct.Metadata; m != nil {
		c.CardColor, c.TextColor, c.BackgroundImage, c.LogoImage = m.CardColor, m.TextColor, m.BackgroundImage, m.LogoImage
		if m.BgOpacityPercent != nil {
			c.BgOpacityPercent = float64(*m.BgOpacityPercent)
		}
		for _, f := range m.Fields {
			c.Fields = append(c.Fields, card.Field{Title: f.Title, Value: values[f.ID]})
		}
	}
	return c
}
