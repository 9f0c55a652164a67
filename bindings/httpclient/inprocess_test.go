package httpclient

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHandlerTransportAnswersAsARecorder: for each handler, the in-process
// transport gives the status, header and body httptest.ResponseRecorder
// records for it, and leaves the caller's request as it was.
func TestHandlerTransportAnswersAsARecorder(t *testing.T) {
	handlers := map[string]http.HandlerFunc{
		"silent": func(http.ResponseWriter, *http.Request) {},
		"sniffed html": func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("<html><body>hi</body></html>"))
		},
		"sniffed from a string": func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "plain words")
		},
		"typed, then written in two parts": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"a":`))
			_, _ = w.Write([]byte(`1}`))
		},
		"explicit status, no type": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("X-Before", "1")
			w.WriteHeader(http.StatusCreated)
			w.Header().Set("X-After", "ignored")
			_, _ = w.Write([]byte("made"))
		},
		"header changed after the first write": func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte("x"))
			w.Header().Set("X-Late", "ignored")
			w.WriteHeader(http.StatusTeapot) // too late: stays 200
		},
		"no content": func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusNoContent)
		},
		"transfer encoding, no sniffing": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Transfer-Encoding", "chunked")
			_, _ = w.Write([]byte("<html>"))
		},
		"flushed": func(w http.ResponseWriter, _ *http.Request) {
			w.(http.Flusher).Flush()
			w.Header().Set("X-Late", "ignored")
			_, _ = w.Write([]byte("after flush"))
		},
		"echo": func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			w.Header().Set("X-URI", r.RequestURI)
			w.Header().Set("X-Remote", r.RemoteAddr)
			_, _ = w.Write(b)
		},
	}
	for name, h := range handlers {
		t.Run(name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "https://api.example.com/a/b?c=d", strings.NewReader("sent"))
			req.RequestURI, req.RemoteAddr = "", ""
			res, err := HandlerTransport(h).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readBody(res.Body, res.ContentLength, 1<<20)
			if err != nil {
				t.Fatal(err)
			}

			rec := httptest.NewRecorder()
			in := httptest.NewRequest(http.MethodPost, "https://api.example.com/a/b?c=d", strings.NewReader("sent"))
			in.RemoteAddr, in.RequestURI = "127.0.0.1:0", "/a/b?c=d"
			h(rec, in)
			want := rec.Result()

			if res.StatusCode != want.StatusCode || res.Status != want.Status {
				t.Errorf("status %d %q, recorder %d %q", res.StatusCode, res.Status, want.StatusCode, want.Status)
			}
			if g, w := headerText(res.Header), headerText(want.Header); g != w {
				t.Errorf("header\n%s\nrecorder\n%s", g, w)
			}
			if string(got) != rec.Body.String() || res.ContentLength != int64(rec.Body.Len()) {
				t.Errorf("body %q (length %d), recorder %q", got, res.ContentLength, rec.Body.String())
			}
			if res.Request != req || req.RequestURI != "" || req.RemoteAddr != "" {
				t.Errorf("the caller's request changed: %q %q", req.RequestURI, req.RemoteAddr)
			}
		})
	}
}

func headerText(h http.Header) string {
	var b strings.Builder
	_ = h.Write(&b)
	return b.String()
}

// TestInProcessWriterRefusesABodyItCannotHave: like a connection, the
// writer says a 204's body is not allowed.
func TestInProcessWriterRefusesABodyItCannotHave(t *testing.T) {
	w := &inProcessWriter{}
	w.WriteHeader(http.StatusNoContent)
	if _, err := w.Write([]byte("x")); !errors.Is(err, http.ErrBodyNotAllowed) {
		t.Fatalf("error %v, want ErrBodyNotAllowed", err)
	}
	if res := w.response(nil); res.ContentLength != 0 || w.body.Len() != 0 {
		t.Fatalf("a 204 reaches the client with %d bytes of body", w.body.Len())
	}
}

// TestReadBodyTakesAnInProcessBody: the buffer is taken without a copy,
// after what was already read, and cut at the limit plus one byte.
func TestReadBodyTakesAnInProcessBody(t *testing.T) {
	data := []byte("hello world")
	b := &memoryBody{data: data}
	first := make([]byte, 2)
	if n, _ := b.Read(first); n != 2 {
		t.Fatalf("read %d", n)
	}
	got, err := readBody(b, int64(len(data)), 100)
	if err != nil || string(got) != "llo world" || &got[0] != &data[2] {
		t.Fatalf("readBody = %q, %v (copied: %v)", got, err, len(got) > 0 && &got[0] != &data[2])
	}
	if n, err := b.Read(first); n != 0 || err != io.EOF {
		t.Fatalf("after readBody: %d, %v", n, err)
	}
	got, _ = readBody(&memoryBody{data: data}, int64(len(data)), 4)
	if string(got) != "hello" {
		t.Fatalf("over the limit: %q, want the limit plus one byte", got)
	}
	res, err := routeResponse(&Route{Status: 201, Body: "routed"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, inMemory := res.Body.(*memoryBody); !inMemory || res.Status != "201 Created" {
		t.Fatalf("a route's answer: body %T, status %q; want one held in memory, 201 Created", res.Body, res.Status)
	}
}
