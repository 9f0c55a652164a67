// Package idm emulates PingOne Advanced Identity Cloud's IDM for local runs:
// a store of managed and internal objects answering the `openidm` binding
// with the semantics of IDM's REST (CREST) interface.
//
// Two stores implement openidm.Backend: Memory (in memory, seeded from
// fixtures) and SQLite (the same store persisted in a SQLite file, so runs
// build on what earlier runs changed). They share one engine for revisions,
// patches, query filters, sorting, paging and field projection, so a script
// sees the same behaviour from either.
//
// The package's files:
//
//   - engine.go: the CREST operations both stores share, on top of a
//     transaction (tx) each store provides, and action handlers;
//   - query.go: a query's filtering, sorting, paging and field projection;
//   - filter.go and eval.go: the _queryFilter parser and its evaluator;
//   - patch.go: IDM's patch operations; pointer.go: JSON pointers;
//   - memory.go, sqlite.go: the two stores; seed.go: their initial content.
//
// The package talks to the binding only through package openidm's
// contract (Backend, Opts, Query, QueryResult, PatchOperation, *Error).
package idm
