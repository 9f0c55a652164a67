package httpclient

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// HandlerTransport serves requests with an in-process handler: no network.
// Config.Hosts uses it; hosts can use it to compose their own transports.
func HandlerTransport(h http.Handler) http.RoundTripper { return handlerTransport{h} }

type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// A shallow copy: a RoundTripper must not change the caller's request,
	// and a handler only reads it.
	in := req.WithContext(req.Context())
	in.RequestURI = req.URL.RequestURI()
	if in.RemoteAddr == "" {
		in.RemoteAddr = "127.0.0.1:0"
	}
	if in.Body == nil {
		in.Body = http.NoBody
	}
	w := &inProcessWriter{}
	t.h.ServeHTTP(w, in)
	if err := req.Context().Err(); err != nil {
		// Canceled while the handler ran (the run's time limit, say): what
		// it wrote is dropped, as a network round trip cut short would be.
		return nil, err
	}
	return w.response(req), nil
}

// inProcessWriter records what an in-process handler answers, as
// httptest.ResponseRecorder does (status 200 unless written, the header as
// it was when the status was written, a Content-Type sniffed from the first
// write when the handler set none), but hands its buffer to the client as
// the body instead of copying it, and keeps the header by swapping maps
// rather than cloning it: a response costs one buffer, not three.
type inProcessWriter struct {
	header http.Header // what Header returns
	sent   http.Header // the header when the status was written
	status int
	body   bytes.Buffer
}

func (w *inProcessWriter) Header() http.Header {
	if w.header == nil {
		w.header = make(http.Header)
	}
	return w.header
}

// WriteHeader writes the status once. The header written with it is the
// handler's map itself; Header hands out a fresh map afterwards, whose
// changes, as on a real connection, reach nobody.
func (w *inProcessWriter) WriteHeader(code int) {
	if w.sent != nil {
		return
	}
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	w.status = code
	w.sent = w.Header()
	w.header = make(http.Header)
}

func (w *inProcessWriter) Write(p []byte) (int, error) {
	w.writeHeader(p)
	if !bodyAllowed(w.status) {
		return 0, http.ErrBodyNotAllowed // and, as on a connection, dropped
	}
	w.body.Write(p)
	return len(p), nil
}

// Flush is there for handlers that flush as they go: everything is kept
// until the handler returns anyway. It writes the status, unsniffed.
func (w *inProcessWriter) Flush() {
	if w.sent == nil {
		w.WriteHeader(http.StatusOK)
	}
}

// writeHeader writes status 200 before the first byte of the body, with a
// Content-Type sniffed from it if the handler set none.
func (w *inProcessWriter) writeHeader(first []byte) {
	if w.sent != nil {
		return
	}
	h := w.Header()
	if _, typed := h["Content-Type"]; !typed && h.Get("Transfer-Encoding") == "" {
		h.Set("Content-Type", http.DetectContentType(first))
	}
	w.WriteHeader(http.StatusOK)
}

// response is the answer as the client sees it.
func (w *inProcessWriter) response(req *http.Request) *http.Response {
	if w.sent == nil {
		w.WriteHeader(http.StatusOK)
	}
	return memoryResponse(w.status, w.sent, w.body.Bytes(), req)
}

// memoryResponse is an answer held whole in memory (an in-process
// handler's or a route's): readBody takes its body without a copy, and no
// read timeout applies to it.
func memoryResponse(status int, header http.Header, body []byte, req *http.Request) *http.Response {
	return &http.Response{
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          &memoryBody{data: body},
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

func bodyAllowed(status int) bool {
	return !(status >= 100 && status <= 199 || status == http.StatusNoContent || status == http.StatusNotModified)
}

// memoryBody is the body of an answer held in memory: a reader over a
// buffer nobody writes to any more, which readBody may take whole.
type memoryBody struct {
	data []byte
	off  int
}

func (b *memoryBody) Read(p []byte) (int, error) {
	if b.off >= len(b.data) {
		return 0, io.EOF
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

func (b *memoryBody) Close() error { return nil }

// rest takes what is left unread, without copying it.
func (b *memoryBody) rest() []byte {
	r := b.data[b.off:]
	b.off = len(b.data)
	return r
}
