package httpclient_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/runtime"
)

type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newCA(t *testing.T) *testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "journeyjs test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return &testCA{cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// issue returns a certificate and key signed by the CA, as one PEM file.
func (ca *testCA) issue(t *testing.T, cn string, server bool) (tls.Certificate, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature,
	}
	if server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.IPAddresses = []net.IP{net.ParseIP("127.0.0.1")}
	} else {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	pemFile := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})...)
	pair, err := tls.X509KeyPair(pemFile, pemFile)
	require.NoError(t, err)
	return pair, pemFile
}

func TestMutualTLS(t *testing.T) {
	ca := newCA(t)
	serverCert, _ := ca.issue(t, "server", true)
	_, clientPEM := ca.issue(t, "journeyjs-client", false)

	pool := x509.NewCertPool()
	pool.AddCert(ca.cert)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s", r.TLS.PeerCertificates[0].Subject.CommonName)
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{serverCert}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)

	store := secrets.MapStore{
		// The client certificate as the ESV holds it: base64 of the PEM file.
		httpclient.ClientCertLabel("testCrt"): base64.StdEncoding.EncodeToString(clientPEM),
		// The trust store as plain PEM.
		httpclient.ServerTrustLabel("testCA"): string(ca.pem),
		httpclient.ClientCertLabel("junk"):    "not a certificate",
	}
	cfg := local()
	cfg.Clients = map[string]httpclient.ClientConfig{
		"myHttpClient": {ClientCertificate: "testCrt", ServerTrustCertificates: "testCA"},
		"trustOnly":    {ServerTrustCertificates: "testCA"},
		"missingCert":  {ClientCertificate: "absent", ServerTrustCertificates: "testCA"},
		"junkCert":     {ClientCertificate: "junk"},
	}
	e := newEngine(t, 5*time.Second)
	in := runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg), secrets.StoreKey.Value(store))}

	res := mustRun(t, e, `var res = httpClient.send("`+srv.URL+`/", {clientName: "myHttpClient"}).get();
action.withHeader("Response code: " + res.status);
if (res.status == 200) { action.goTo("true").withDescription(res.text()); } else { action.goTo("false"); }`, in)
	assert.Equal(t, "true", res.Outcome)
	assert.Equal(t, "hello journeyjs-client", action.Description.Get(res.Outputs))
	assert.Empty(t, secrets.Read.Get(res.Outputs), "host-side certificate reads are not script secret reads")

	// Without a client certificate the server refuses the handshake.
	_, err := run(t, e, `httpClient.send("`+srv.URL+`/", {clientName: "trustOnly"}).get();`, in)
	msg := scriptErr(t, err).Message
	assert.Contains(t, msg, `httpClient: GET `+srv.URL+`/ (client "trustOnly") failed`)
	assert.Contains(t, msg, "tls")

	// The default client does not trust the test CA.
	_, err = run(t, e, `httpClient.send("`+srv.URL+`/").get();`, in)
	assert.Contains(t, scriptErr(t, err).Message, "certificate")

	_, err = run(t, e, `httpClient.send("`+srv.URL+`/", {clientName: "missingCert"}).get();`, in)
	assert.Contains(t, scriptErr(t, err).Message, `httpClient: client "missingCert": no secret is mapped to am.services.httpclient.mtls.clientcert.absent.secret`)
	_, err = run(t, e, `httpClient.send("`+srv.URL+`/", {clientName: "junkCert"}).get();`, in)
	assert.Contains(t, scriptErr(t, err).Message, "is neither PEM nor base64-encoded PEM")
}
