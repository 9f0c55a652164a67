// Package verify implements the `verifyTransactionsHelper` binding: a
// script reads the PingOne Verify transactions of the journey's user and
// manages that user's PingOne account.
//
// Which PingOne user: the id in node state under Backend.UserIDKey()
// (DefaultUserIDKey, "pingOneUserId", the key the PingOne Verify marketplace
// nodes write). When that key is absent, the user whose PingOne username
// equals node state "username" (GET /users?filter=username eq "…"). When
// neither key is in node state every method throws; when the username
// matches no PingOne user, reads answer null and updateUser/deleteUser
// throw.
//
// Answers are PingOne's HAL JSON as is (_links, _embedded, size,
// previousAttempts). A 404 from PingOne reads as null: no transactions, an
// unknown transaction or verified data id, and verified data asked for more
// than 30 minutes after the transaction's decision (PingOne has purged it by
// then). Any other failure throws an error named
// ScriptedVerifyTransactionsException whose message carries PingOne's status
// and body (also as its `status` and `body` properties).
//
// The back end is a Backend: Client speaks the REST API, to the real PingOne
// (NewClient, worker credentials from the secret store) or to the local
// platform in-process (NewLocal).
package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
	"github.com/journeyjs/journeyjs/bindings/verify/enums"
)

// DefaultUserIDKey is the node state key holding the PingOne user id.
const DefaultUserIDKey = "pingOneUserId"

// UsernameKey is the node state key read when no PingOne user id is there.
const UsernameKey = "username"

// ExceptionName is the name of the errors the helper throws on failures.
const ExceptionName = "ScriptedVerifyTransactionsException"

// NoBackend is the message of every call made without a back end.
const NoBackend = "verifyTransactionsHelper: no PingOne Verify back end configured"

// State reads a node state key (transient first, then shared), as
// nodeState.get does.
type State func(key string) (any, bool)

// Binding is the `verifyTransactionsHelper` binding.
var Binding = bindings.Define("verifyTransactionsHelper", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// BackendKey is the key of the PingOne Verify back end of a run; unset, every call throws
// NoBackend.
var BackendKey = bindings.NewBackend[Backend]("verifyTransactionsHelper")

// Instance is the per-runtime `verifyTransactionsHelper` object.
type Instance struct {
	rt      *goja.Runtime
	obj     *goja.Object
	ctx     context.Context
	backend Backend
	state   State
}

// New builds the frozen `verifyTransactionsHelper` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{rt: rt, obj: rt.NewObject()}
	// In a fixed order (not a map's), so the object's property order is
	// the same in every runtime.
	jsvalue.Method(rt, b.obj, "getLastVerifyTransaction", b.getLastVerifyTransaction)
	jsvalue.Method(rt, b.obj, "getAllVerifyTransactions", b.getAllVerifyTransactions)
	jsvalue.Method(rt, b.obj, "getAllMetadata", b.getAllMetadata)
	jsvalue.Method(rt, b.obj, "getAllVerifiedData", b.getAllVerifiedData)
	jsvalue.Method(rt, b.obj, "getVerifiedDataByType", b.getVerifiedDataByType)
	jsvalue.Method(rt, b.obj, "getVerifiedData", b.getVerifiedData)
	jsvalue.Method(rt, b.obj, "getUser", b.getUser)
	jsvalue.Method(rt, b.obj, "updateUser", b.updateUser)
	jsvalue.Method(rt, b.obj, "deleteUser", b.deleteUser)
	jsvalue.Seal(rt, b.obj)
	return b
}

// Value is the JavaScript value installed as `verifyTransactionsHelper`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run: requests go to the run's back end with the run's
// context, and the user is found through the run's node state.
func (b *Instance) Begin(run *bindings.Run) {
	ctx := run.Context
	if ctx == nil {
		ctx = context.Background()
	}
	b.ctx, b.backend, b.state = ctx, BackendKey.From(run), run.State.Get
}

// End forgets the run.
func (b *Instance) End(*bindings.Run) { b.ctx, b.backend, b.state = nil, nil, nil }

// fail throws Rhino's InternalError "verifyTransactionsHelper.fn: msg".
func (b *Instance) fail(fn, format string, args ...any) {
	rhinoerr.Internal(b.rt, "%s", fmt.Sprintf("verifyTransactionsHelper."+fn+": "+format, args...))
}

// exception throws a ScriptedVerifyTransactionsException for a PingOne
// answer (status > 0) or for a request that got none.
func (b *Instance) exception(fn string, status int, body []byte, err error) {
	var msg string
	switch {
	case err != nil:
		msg = fn + ": " + rhinoerr.NetworkText(err, requestText(err))
	default:
		msg = fmt.Sprintf("%s: PingOne answered %d %s: %s", fn, status, http.StatusText(status), strings.TrimSpace(string(body)))
	}
	obj := rhinoerr.New(b.rt, ExceptionName, msg)
	if status > 0 {
		_ = obj.Set("status", status)
		_ = obj.Set("body", string(body))
	}
	panic(obj)
}

// throw turns an error of the package's shared functions into what the
// helper throws: NoBackend, a plain Error for a journey with no PingOne
// user, a ScriptedVerifyTransactionsException for a PingOne failure.
func (b *Instance) throw(fn string, err error) {
	var noUser *NoUserError
	var req *RequestError
	switch {
	case errors.Is(err, ErrNoBackend):
		rhinoerr.Internal(b.rt, "%s", ErrNoBackend.Error())
	case errors.As(err, &noUser):
		b.fail(fn, "%v", noUser)
	case errors.As(err, &req):
		b.exception(fn, req.Status, req.Body, req.Err)
	default:
		b.exception(fn, 0, nil, err)
	}
}

// call sends one request and returns the status and body of a 2xx or 404
// answer; anything else throws.
func (b *Instance) call(fn, method, path string, body []byte) (int, []byte) {
	status, resp, err := do(b.ctx, b.backend, method, path, body)
	if err != nil {
		b.throw(fn, err)
	}
	return status, resp
}

// object decodes a JSON answer into a fresh JavaScript object; an empty
// body is {}.
func (b *Instance) object(fn string, body []byte) goja.Value {
	if len(bytes.TrimSpace(body)) == 0 {
		return b.rt.NewObject()
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		b.exception(fn, 0, nil, fmt.Errorf("PingOne answered with JSON that does not parse: %v", err))
	}
	// The helper returns Java Maps in AIC: property access and get/keySet/size both work.
	return jsvalue.JavaView(b.rt, jsvalue.ToJS(b.rt, v))
}

// read GETs path and returns the answer, or null for a 404.
func (b *Instance) read(fn, path string) goja.Value {
	status, body := b.call(fn, http.MethodGet, path, nil)
	if status == http.StatusNotFound {
		return goja.Null()
	}
	return b.object(fn, body)
}

// user returns the escaped path of the journey user in PingOne, or "" when
// the username in node state matches no PingOne user.
func (b *Instance) user(fn string) string {
	u, err := userPath(b.ctx, b.backend, b.state)
	if err != nil {
		b.throw(fn, err)
	}
	return u
}

// transactions is the user's transactions path, or "" for no user.
func (b *Instance) transactions(fn string) string {
	u := b.user(fn)
	if u == "" {
		return ""
	}
	return u + "/verifyTransactions"
}

// readTx reads what lies under transaction tx of the journey user (suffix
// begins with "/"); null for no user or a 404.
func (b *Instance) readTx(fn, tx, suffix string) goja.Value {
	txs := b.transactions(fn)
	if txs == "" {
		return goja.Null()
	}
	return b.read(fn, txs+"/"+url.PathEscape(tx)+suffix)
}

// write sends a change to the journey user, who must exist, and returns
// PingOne's answer; anything but a 2xx throws.
func (b *Instance) write(fn, method string, body []byte) []byte {
	u := b.user(fn)
	if u == "" {
		b.exception(fn, 0, nil, errors.New("no PingOne user has the journey's username"))
	}
	status, resp, err := b.backend.Do(b.ctx, method, u, body)
	if err != nil || status/100 != 2 {
		b.exception(fn, status, resp, err)
	}
	return resp
}

// arg returns a required string argument.
func (b *Instance) arg(fn string, call goja.FunctionCall, i int, name string) string {
	s := jsvalue.ArgString(call, i)
	if strings.TrimSpace(s) == "" {
		b.fail(fn, "%s is required", name)
	}
	return s
}

func (b *Instance) getAllVerifyTransactions(goja.FunctionCall) goja.Value {
	const fn = "getAllVerifyTransactions"
	txs := b.transactions(fn)
	if txs == "" {
		return goja.Null()
	}
	status, body := b.call(fn, http.MethodGet, txs, nil)
	if status == http.StatusNotFound || embeddedLen(body, "verifyTransactions") == 0 {
		return goja.Null()
	}
	return b.object(fn, body)
}

func (b *Instance) getLastVerifyTransaction(goja.FunctionCall) goja.Value {
	const fn = "getLastVerifyTransaction"
	tx, err := LastTransaction(b.ctx, b.backend, b.state)
	if err != nil {
		b.throw(fn, err)
	}
	if tx == nil {
		return goja.Null()
	}
	return b.object(fn, tx.JSON)
}

func (b *Instance) getAllMetadata(call goja.FunctionCall) goja.Value {
	const fn = "getAllMetadata"
	return b.readTx(fn, b.arg(fn, call, 0, "transactionId"), "/metaData")
}

func (b *Instance) getAllVerifiedData(call goja.FunctionCall) goja.Value {
	const fn = "getAllVerifiedData"
	return b.readTx(fn, b.arg(fn, call, 0, "transactionId"), "/verifiedData")
}

func (b *Instance) getVerifiedDataByType(call goja.FunctionCall) goja.Value {
	const fn = "getVerifiedDataByType"
	tx := b.arg(fn, call, 0, "transactionId")
	typ := b.arg(fn, call, 1, "type")
	if !enums.IsVerifiedDataType(typ) {
		b.fail(fn, "type %q is not a verified data type; use one of %s", typ, strings.Join(enums.VerifiedDataTypes(), ", "))
	}
	return b.readTx(fn, tx, "/verifiedData?type="+typ)
}

func (b *Instance) getVerifiedData(call goja.FunctionCall) goja.Value {
	const fn = "getVerifiedData"
	tx := b.arg(fn, call, 0, "transactionId")
	id := b.arg(fn, call, 1, "verifiedDataId")
	return b.readTx(fn, tx, "/verifiedData/"+url.PathEscape(id))
}

func (b *Instance) getUser(goja.FunctionCall) goja.Value {
	const fn = "getUser"
	u := b.user(fn)
	if u == "" {
		return goja.Null()
	}
	return b.read(fn, u)
}

func (b *Instance) updateUser(call goja.FunctionCall) goja.Value {
	const fn = "updateUser"
	arg := call.Argument(0)
	if jsvalue.IsNullish(arg) {
		b.fail(fn, "body is required")
	}
	v := jsvalue.ToGo(arg)
	if m, ok := v.(map[string]any); !ok || len(m) == 0 {
		b.fail(fn, "body must be an object with the user's attributes")
	}
	body, err := json.Marshal(v)
	if err != nil {
		b.fail(fn, "body cannot be sent as JSON: %v", err)
	}
	return b.object(fn, b.write(fn, http.MethodPut, body))
}

func (b *Instance) deleteUser(goja.FunctionCall) goja.Value {
	b.write("deleteUser", http.MethodDelete, nil)
	return goja.Undefined()
}

// embeddedLen counts the items of a HAL collection; -1 when the body is not
// one.
func embeddedLen(body []byte, key string) int {
	var c struct {
		Embedded map[string]json.RawMessage `json:"_embedded"`
	}
	if json.Unmarshal(body, &c) != nil || c.Embedded == nil {
		return -1
	}
	var items []json.RawMessage
	if json.Unmarshal(c.Embedded[key], &items) != nil {
		return -1
	}
	return len(items)
}

// requestText is the text of a failed request that is not the network's:
// the back end's own words, but not a JSON decoder's complaint.
func requestText(err error) string {
	var parse *ParseError
	if errors.As(err, &parse) {
		return parse.What
	}
	return err.Error()
}
