// Package enums holds PingOne's fixed vocabularies that both the local
// platform (package emulator/pingone) and the bindings that call PingOne need: the
// regions and the domains of their hosts, and the verified-data types of
// PingOne Verify. It imports nothing, so a binding can use it without
// depending on the platform and its store.
package enums

import (
	"slices"
	"strings"
)

// regions are the top-level domains of PingOne's API and auth hosts
// (api.pingone.<domain>, auth.pingone.<domain>), North America's first,
// each with the region codes that name it, in upper case ("" is North
// America, the default).
var regions = []struct {
	domain string
	codes  []string
}{
	{"com", []string{"", "NA", "COM"}},
	{"eu", []string{"EU"}},
	{"ca", []string{"CA"}},
	{"asia", []string{"AP", "ASIA", "ASIA_PACIFIC"}},
	{"com.au", []string{"AU", "COM.AU"}},
}

// regionDomains maps each region code to its domain.
var regionDomains = func() map[string]string {
	m := map[string]string{}
	for _, r := range regions {
		for _, c := range r.codes {
			m[c] = r.domain
		}
	}
	return m
}()

// RegionDomain is the top-level domain of a region's hosts (NA → com,
// EU → eu, CA → ca, AP/ASIA → asia, AU → com.au), in any case; ok is false
// for a code that names no region.
func RegionDomain(region string) (domain string, ok bool) {
	domain, ok = regionDomains[strings.ToUpper(region)]
	return domain, ok
}

// Domains are the top-level domains of every region, each once, North
// America's first.
func Domains() []string {
	out := make([]string, len(regions))
	for i, r := range regions {
		out[i] = r.domain
	}
	return out
}

// verifiedDataTypes are the kinds of data a Verify transaction keeps.
var verifiedDataTypes = []string{
	"GOVERNMENT_ID", "BARCODE", "FRONT_IMAGE", "BACK_IMAGE", "SELFIE", "CROPPED_SIGNATURE",
	"CROPPED_DOCUMENT", "CROPPED_PORTRAIT", "VOICE_SAMPLE", "VOICE_INPUT", "END_USER_CLIENT", "BIOGRAPHIC_MATCH",
}

// VerifiedDataTypes lists the verified-data types, in PingOne's order; the
// slice is the caller's.
func VerifiedDataTypes() []string { return slices.Clone(verifiedDataTypes) }

// IsVerifiedDataType tells whether t is one of VerifiedDataTypes (case
// matters, as in PingOne).
func IsVerifiedDataType(t string) bool { return slices.Contains(verifiedDataTypes, t) }
