package platform

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// notify records one outbox message per requested method and sets the
// credential's notification.results. A user without an address for a
// method gets sent:false with an error instead.
func (o *Op) notify(rec *model.CredentialRecord, u *model.User, event string) error {
	n := rec.Credential.Notification
	if n == nil || len(n.Methods) == 0 {
		return nil
	}
	var variant, locale string
	if n.Template != nil {
		variant, locale = n.Template.Variant, n.Template.Locale
	}
	n.Results = nil
	for _, method := range n.Methods {
		recipient := u.Email
		if method == "SMS" {
			recipient = u.MobilePhone
			if recipient == "" {
				recipient = u.PrimaryPhone
			}
		}
		if recipient == "" {
			n.Results = append(n.Results, model.NotificationResult{Method: method, Sent: false, Error: map[string]any{
				"code":    "NO_RECIPIENT",
				"message": fmt.Sprintf("the user has no address for %s", method),
			}})
			continue
		}
		id := uuid.NewString()
		m := &model.OutboxMessage{ID: id, UserID: u.ID, CredentialID: rec.Credential.ID, Event: event, Method: method,
			Recipient: recipient, TemplateVariant: variant, TemplateLocale: locale, CreatedAt: model.NewTime(o.now)}
		if err := o.tx.InsertOutbox(o.env.ID, m); err != nil {
			return fmt.Errorf("notify: %w", err)
		}
		n.Results = append(n.Results, model.NotificationResult{Method: method, Sent: true, Notification: &model.Ref{ID: id}})
	}
	return nil
}

// Outbox lists the environment's notifications, oldest first.
func (o *Op) Outbox() ([]model.OutboxMessage, error) { return o.tx.Outbox(o.env.ID) }

// Outbox lists the notifications of an environment, oldest first.
func (p *Platform) Outbox(ctx context.Context, envID string) ([]model.OutboxMessage, error) {
	var out []model.OutboxMessage
	err := p.Run(ctx, envID, func(o *Op) error {
		var err error
		out, err = o.Outbox()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	return out, nil
}
