package httpclient

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"
)

// DeniedError is the error of a request the outbound policy refused.
type DeniedError struct {
	// Host is the host name the request named.
	Host string
	// Addr is the address that was refused; invalid when a host rule refused
	// the request before any address was known.
	Addr netip.Addr
	// Rule says which rule refused it: "private address", "loopback
	// address", "cloud metadata address", "not in http.allowHosts", …
	Rule string
}

// Error says which address or host was refused and by which rule.
func (e *DeniedError) Error() string {
	var b strings.Builder
	b.WriteString("httpClient: request to ")
	if e.Addr.IsValid() {
		b.WriteString(e.Addr.String())
		if e.Host != "" && e.Host != e.Addr.String() {
			fmt.Fprintf(&b, " (host %s)", e.Host)
		}
	} else {
		b.WriteString("host " + e.Host)
	}
	b.WriteString(" denied: " + e.Rule)
	switch {
	case strings.HasPrefix(e.Rule, "not in"):
		b.WriteString("; add the host to http.allowHosts")
	case e.Rule != ruleMetadata:
		b.WriteString("; set http.allowPrivate for local testing")
	}
	return b.String()
}

const ruleMetadata = "cloud metadata address"

var (
	metadataAddrs = []netip.Addr{
		netip.MustParseAddr("169.254.169.254"),
		netip.MustParseAddr("fd00:ec2::254"),
		netip.MustParseAddr("100.100.100.200"), // Alibaba Cloud
	}
	metadataNames = []string{"metadata.google.internal", "metadata", "metadata.goog"}
	cgnat         = netip.MustParsePrefix("100.64.0.0/10")
)

// classify returns the rule that denies addr, or "" when addr may be dialed.
func (p *Policy) classify(addr netip.Addr) string {
	addr = addr.Unmap()
	for _, m := range metadataAddrs {
		if addr == m {
			return ruleMetadata
		}
	}
	if p.AllowPrivate {
		return ""
	}
	switch {
	case addr.IsLoopback():
		return "loopback address"
	case addr.IsPrivate():
		return "private address"
	case addr.IsLinkLocalUnicast(), addr.IsLinkLocalMulticast():
		return "link-local address"
	case addr.IsUnspecified():
		return "unspecified address"
	case addr.IsMulticast():
		return "multicast address"
	case addr.Is4() && cgnat.Contains(addr):
		return "shared (carrier-grade NAT) address"
	}
	return ""
}

// checkHost applies the rules that need no DNS: the allowlist, the metadata
// names and literal addresses. host has no port.
func (p *Policy) checkHost(host string) error {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	for _, m := range metadataNames {
		if h == m {
			return &DeniedError{Host: host, Rule: ruleMetadata}
		}
	}
	if len(p.AllowHosts) > 0 && !hostListed(p.AllowHosts, h) {
		return &DeniedError{Host: host, Rule: "not in http.allowHosts"}
	}
	if addr, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil {
		if rule := p.classify(addr); rule != "" {
			return &DeniedError{Host: host, Addr: addr.Unmap(), Rule: rule}
		}
	}
	return nil
}

func hostListed(list []string, h string) bool {
	for _, a := range list {
		a = strings.ToLower(strings.TrimSuffix(a, "."))
		if a == h || underWildcard(a, h) {
			return true
		}
	}
	return false
}

// dialer returns a DialContext that resolves the host itself, refuses every
// address the policy denies and connects only to the address it checked, so
// a name that resolves differently at connect time (DNS rebinding) cannot
// slip through.
func (p *Policy) dialer(connectTimeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	dial := p.DialContext
	if dial == nil {
		dial = d.DialContext
	}
	lookup := p.LookupIP
	if lookup == nil {
		lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(address)
		if err != nil {
			return nil, err
		}
		if err := p.checkHost(host); err != nil {
			return nil, err
		}
		var addrs []netip.Addr
		if a, err := netip.ParseAddr(host); err == nil {
			addrs = []netip.Addr{a}
		} else {
			lctx, cancel := context.WithTimeout(ctx, connectTimeout)
			addrs, err = lookup(lctx, host)
			cancel()
			if err != nil {
				return nil, err
			}
			if len(addrs) == 0 {
				return nil, fmt.Errorf("no address for host %s", host)
			}
		}
		var denied error
		var lastErr error
		for _, a := range addrs {
			if rule := p.classify(a); rule != "" {
				if denied == nil {
					denied = &DeniedError{Host: host, Addr: a.Unmap(), Rule: rule}
				}
				continue
			}
			dctx, cancel := context.WithTimeout(ctx, connectTimeout)
			conn, err := dial(dctx, network, net.JoinHostPort(a.Unmap().String(), port))
			cancel()
			if err == nil {
				return conn, nil
			}
			lastErr = err
		}
		if lastErr != nil {
			return nil, lastErr
		}
		if denied != nil {
			return nil, denied
		}
		return nil, errors.New("no address to dial")
	}
}
