package idm

import (
	"encoding/base64"
	"sort"
	"strconv"
	"strings"

	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// RunQuery filters, sorts, pages and projects objs as IDM answers a query.
// Local stores use it; it is exported for tests and other emulators.
func RunQuery(objs []map[string]any, q openidm.Query, fields []string) (*openidm.QueryResult, error) {
	filter := q.Filter
	switch {
	case q.QueryID != "" && filter != "":
		return nil, openidm.Errorf(openidm.CodeBadRequest, "_queryFilter and _queryId cannot be used together")
	case q.QueryID == "query-all-ids":
		filter, fields = "true", []string{"_id"}
	case q.QueryID != "":
		return nil, openidm.Errorf(openidm.CodeBadRequest, "unknown _queryId %q: use a _queryFilter", q.QueryID)
	case filter == "":
		return nil, openidm.Errorf(openidm.CodeBadRequest, "a _queryFilter (or _queryId) is required: use \"true\" for every object")
	}
	f, err := ParseFilter(filter)
	if err != nil {
		return nil, &openidm.Error{Code: openidm.CodeBadRequest, Message: err.Error()}
	}
	policy := strings.ToUpper(q.TotalPolicy)
	switch policy {
	case "":
		policy = "NONE"
	case "NONE", "EXACT", "ESTIMATE":
	default:
		return nil, openidm.Errorf(openidm.CodeBadRequest, "_totalPagedResultsPolicy %q: expected NONE, EXACT or ESTIMATE", q.TotalPolicy)
	}
	if q.PageSize < 0 || q.Offset < 0 {
		return nil, openidm.Errorf(openidm.CodeBadRequest, "_pageSize and _pagedResultsOffset cannot be negative")
	}
	matches := objs[:0:0]
	for _, o := range objs {
		if f.Match(o) {
			matches = append(matches, o)
		}
	}
	if err := sortObjects(matches, q.SortKeys); err != nil {
		return nil, err
	}
	offset := q.Offset
	if q.Cookie != "" {
		if offset, err = decodeCookie(q.Cookie); err != nil {
			return nil, err
		}
	}
	if offset > len(matches) {
		offset = len(matches)
	}
	page := matches[offset:]
	var cookie *string
	if q.PageSize > 0 && len(page) > q.PageSize {
		page = page[:q.PageSize]
		c := encodeCookie(offset + q.PageSize)
		cookie = &c
	}
	res := &openidm.QueryResult{
		Result:                  make([]map[string]any, len(page)),
		ResultCount:             len(page),
		PagedResultsCookie:      cookie,
		TotalPagedResultsPolicy: policy,
		TotalPagedResults:       -1,
		RemainingPagedResults:   -1,
	}
	if policy != "NONE" {
		res.TotalPagedResults = len(matches)
	}
	for i, o := range page {
		res.Result[i] = Project(o, fields)
	}
	return res, nil
}

func sortObjects(objs []map[string]any, keys []string) error {
	type key struct {
		ptr  pointer
		desc bool
	}
	ks := make([]key, 0, len(keys)+1)
	for _, k := range keys {
		k = strings.TrimSpace(k)
		desc := strings.HasPrefix(k, "-")
		k = strings.TrimLeft(k, "+-")
		if k == "" || k == "/" {
			return openidm.Errorf(openidm.CodeBadRequest, "_sortKeys has an empty key")
		}
		ks = append(ks, key{parsePointer(k), desc})
	}
	// _id last keeps the order stable and deterministic.
	ks = append(ks, key{ptr: pointer{"_id"}})
	sort.SliceStable(objs, func(i, j int) bool {
		for _, k := range ks {
			a, aok := k.ptr.get(objs[i])
			b, bok := k.ptr.get(objs[j])
			c := compareForSort(a, aok, b, bok)
			if c == 0 {
				continue
			}
			if k.desc {
				return c > 0
			}
			return c < 0
		}
		return false
	})
	return nil
}

const cookiePrefix = "journeyjs:"

func encodeCookie(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cookiePrefix + strconv.Itoa(offset)))
}

func decodeCookie(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && strings.HasPrefix(string(b), cookiePrefix) {
		if n, err := strconv.Atoi(strings.TrimPrefix(string(b), cookiePrefix)); err == nil && n >= 0 {
			return n, nil
		}
	}
	return 0, openidm.Errorf(openidm.CodeBadRequest, "_pagedResultsCookie %q is not a cookie from a previous page", c)
}

// Project keeps the listed fields of obj (a copy), as IDM's _fields does:
// "*" is every top-level field, "name/given" a nested field; _id and _rev
// always come back. No fields means the whole object.
func Project(obj map[string]any, fields []string) map[string]any {
	if len(fields) == 0 {
		return copyMap(obj)
	}
	out := make(map[string]any, len(fields)+2)
	for _, k := range []string{"_id", "_rev"} {
		if v, ok := obj[k]; ok {
			out[k] = v
		}
	}
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if f == "*" || f == "*_ref" || f == "/*" {
			for k, v := range obj {
				out[k] = deepCopy(v)
			}
			continue
		}
		setProjected(out, obj, parsePointer(f))
	}
	return out
}

// setProjected copies the value at p from src into dst, creating the
// objects on its way; a path through an array copies the whole array.
func setProjected(dst, src map[string]any, p pointer) {
	for i, t := range p {
		v, ok := src[t]
		if !ok {
			return
		}
		next, isMap := v.(map[string]any)
		if i == len(p)-1 || !isMap {
			dst[t] = deepCopy(v)
			return
		}
		d, ok := dst[t].(map[string]any)
		if !ok {
			d = map[string]any{}
			dst[t] = d
		}
		dst, src = d, next
	}
}
