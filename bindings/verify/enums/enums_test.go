package enums

import (
	"slices"
	"testing"
)

func TestRegionDomain(t *testing.T) {
	for region, want := range map[string]string{
		"": "com", "na": "com", "EU": "eu", "ca": "ca", "AP": "asia", "Asia_Pacific": "asia", "AU": "com.au",
	} {
		if got, ok := RegionDomain(region); !ok || got != want {
			t.Errorf("RegionDomain(%q) = %q, %v; want %q", region, got, ok, want)
		}
	}
	if got, ok := RegionDomain("MARS"); ok {
		t.Errorf("RegionDomain(MARS) = %q, true; want not ok", got)
	}
	// Every region's domain is listed once in Domains, and nothing else is.
	var seen []string
	for _, d := range regionDomains {
		if !slices.Contains(seen, d) {
			seen = append(seen, d)
		}
	}
	slices.Sort(seen)
	all := Domains()
	slices.Sort(all)
	if !slices.Equal(seen, all) {
		t.Errorf("Domains() = %v; the regions' domains are %v", all, seen)
	}
}

func TestVerifiedDataTypes(t *testing.T) {
	types := VerifiedDataTypes()
	if len(types) != 12 || types[0] != "GOVERNMENT_ID" {
		t.Fatalf("VerifiedDataTypes() = %v", types)
	}
	types[0] = "changed"
	if !IsVerifiedDataType("GOVERNMENT_ID") || IsVerifiedDataType("changed") || IsVerifiedDataType("selfie") {
		t.Error("IsVerifiedDataType: wrong answer, or the list was shared with a caller")
	}
}
