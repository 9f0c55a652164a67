package goja

// journeyjs patch: a per-runtime allocation meter and interrupt checks for
// long native loops. See JOURNEYJS.md. Everything here is new; the rest of
// the patch is one-line hooks (r.charge…, r.checkInterrupt) in existing
// functions.

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// AllocLimitError is the value of the *InterruptedError a run stops with
// when it would allocate past the limit set with SetAllocLimit.
type AllocLimitError struct {
	// Limit is the limit in bytes.
	Limit int64
	// Requested is what the run had charged, with the charge that failed, in
	// bytes. It may be far above Limit: a single huge request (an array of
	// 4×10⁹ elements) is refused whole, before anything is allocated.
	Requested int64
}

func (e *AllocLimitError) Error() string {
	return fmt.Sprintf("allocation limit of %d bytes exceeded (%d requested)", e.Limit, e.Requested)
}

// RegexpTimeoutError describes a regular expression match that ran past
// regexp2's match timeout. Scripts see it as an Error thrown by the method
// that matched (test, exec, replace…), whose message names the limit; it is
// catchable, like any other exception.
type RegexpTimeoutError struct {
	Timeout time.Duration
	err     error
}

func (e *RegexpTimeoutError) Error() string {
	if e.err != nil && !strings.HasPrefix(e.err.Error(), "match timeout") {
		// Not a timeout (regexp2 reports nothing else today): say what.
		return "RegExp match failed: " + e.err.Error()
	}
	return "RegExp match exceeded its time limit of " + e.Timeout.String()
}

func (e *RegexpTimeoutError) Unwrap() error { return e.err }

// regexp2Failed throws, as a catchable Error, a regexp2 match that failed
// (timed out) instead of reporting it as no match: a pattern that matches
// must not flip to "no match" because the input grew.
func regexp2Failed(rx *regexp2.Regexp, err error) {
	panic(&RegexpTimeoutError{Timeout: rx.MatchTimeout, err: err})
}

// journeyjsLimits is the state the patch adds to Runtime (one field).
type journeyjsLimits struct {
	allocLimit int64 // 0: no meter
	allocs     int64
	rhino      bool            // SetRhinoCompat (journeyjs_rhino.go)
	rhinoErr   rhinoErrorState // journeyjs_rhino_errobj.go

	// journeyjs_guards.go
	evalGuard      func(src string)
	jsonParseGuard func(text string) Value
	jsonMaxDepth   int
}

// Approximate sizes, in bytes, charged to the meter. They are what the
// allocation costs on a 64-bit platform, rounded, not exact: the meter's
// purpose is to refuse the run that asks for far too much before Go's
// allocator is asked, not to account for every byte.
const (
	allocValueSize    = 16  // one Value (an interface) in a slice
	allocPropertySize = 64  // one own property: a map entry and a name
	allocObjectSize   = 128 // one object
	allocEntrySize    = 64  // one Map or Set entry
	allocKeySize      = 40  // one property name listed as a string value
)

// SetAllocLimit turns the allocation meter on with a limit of limit bytes,
// or off with limit <= 0. The meter is cumulative: it adds up what the run
// asks for in sizes a script controls and never subtracts what the garbage
// collector later frees, so the same script with the same input always
// stops at the same point, whatever the load on the machine or the other
// runtimes in the process. What is charged (see JOURNEYJS.md) is the
// storage a script can make large: array and argument lists, strings built
// by concatenation and by the string methods, JSON text and values, typed
// arrays and buffers, object properties, Map and Set entries. Small fixed
// costs (a call frame, a number) are not charged.
//
// When a charge would take the total past the limit, nothing is allocated:
// the runtime is interrupted (as by Interrupt) and the running code unwinds
// with an *InterruptedError whose Value() is an *AllocLimitError. Scripts
// cannot catch it. As after Interrupt, call ClearInterrupt before running
// more code on the runtime (ResetAllocs does not). With no limit, the meter
// costs one comparison per charge point and counts nothing.
func (r *Runtime) SetAllocLimit(limit int64) {
	if limit < 0 {
		limit = 0
	}
	r.jj.allocLimit = limit
}

// AllocLimit returns the limit set with SetAllocLimit (0: none).
func (r *Runtime) AllocLimit() int64 {
	return r.jj.allocLimit
}

// ResetAllocs sets the meter's count back to zero, for the next run.
func (r *Runtime) ResetAllocs() {
	r.jj.allocs = 0
}

// Allocs returns the bytes charged to the meter since the last ResetAllocs
// (always 0 while no limit is set).
func (r *Runtime) Allocs() int64 {
	return r.jj.allocs
}

// Charge records n bytes that host code is about to allocate on the
// script's behalf (a Go collection a binding grows when the script adds to
// it), as goja's own allocations are charged: past the limit it stops the
// run, uncatchably, before the allocation is made.
func (r *Runtime) Charge(n int64) { r.charge(n) }

// charge records an allocation of n bytes about to be made, or stops the
// run if it would take the meter past its limit. Call it before allocating.
func (r *Runtime) charge(n int64) {
	if r.jj.allocLimit != 0 {
		r.chargeSlow(n)
	}
}

// chargeN charges count items of size bytes each, without overflowing.
func (r *Runtime) chargeN(count, size int64) {
	if r.jj.allocLimit != 0 {
		if count < 0 {
			count = 0
		}
		if size > 0 && count > math.MaxInt64/size {
			r.chargeSlow(math.MaxInt64)
		}
		r.chargeSlow(count * size)
	}
}

// chargeString charges a string of length UTF-16 units about to be built;
// unicode strings take two bytes per unit, ASCII ones one: charge two,
// which is the bound.
func (r *Runtime) chargeString(length int64) {
	if r.jj.allocLimit != 0 {
		r.chargeN(length, 2)
	}
}

func (r *Runtime) chargeSlow(n int64) {
	if n < 0 {
		n = 0
	}
	total := r.jj.allocs + n
	if total < r.jj.allocs { // overflow
		total = math.MaxInt64
	}
	if total <= r.jj.allocLimit {
		r.jj.allocs = total
		return
	}
	r.jj.allocs = total
	err := &AllocLimitError{Limit: r.jj.allocLimit, Requested: total}
	// Interrupt as well as unwind: code that swallows the panic (a Go
	// callback that recovers) is stopped at the next instruction.
	r.vm.Interrupt(err)
	r.throwInterrupted(err)
}

// throwInterrupted unwinds with the *InterruptedError the VM raises when
// interrupted between instructions.
func (r *Runtime) throwInterrupted(v interface{}) {
	ex := &InterruptedError{iface: v}
	ex.stack = r.vm.captureStack(nil, 0)
	panic(ex)
}

// checkInterrupt lets Interrupt stop a native loop whose length a script
// controls: call it once per iteration (it is one atomic load).
func (r *Runtime) checkInterrupt() {
	if atomic.LoadUint32(&r.vm.interrupted) != 0 {
		r.interruptNow()
	}
}

func (r *Runtime) interruptNow() {
	r.vm.interruptLock.Lock()
	v := r.vm.interruptVal
	r.vm.interruptLock.Unlock()
	r.throwInterrupted(v)
}

// chargeProperty charges a new own property on o.
func (o *baseObject) chargeProperty() {
	if o.val != nil && o.val.runtime != nil {
		o.val.runtime.charge(allocPropertySize)
	}
}

// chargeObject charges a new object.
func (o *baseObject) chargeObject() {
	if o.val != nil && o.val.runtime != nil {
		o.val.runtime.charge(allocObjectSize)
	}
}

// jjLen is the length of what b holds so far, in UTF-16 units.
func (b *StringBuilder) jjLen() int {
	if b.ascii() {
		return b.asciiBuilder.Len()
	}
	return len(b.unicodeBuilder.buf)
}

// allocMatchSize is what one regular expression match found by a global
// search costs: its result and index lists.
const allocMatchSize = 96

// matchLimit bounds a global search (limit < 0: all matches) to one match
// more than the meter has room for, so that the search stops there, instead
// of collecting millions of matches before chargeMatches can refuse them.
// With the meter off it returns limit unchanged.
func (r *Runtime) matchLimit(limit int) int {
	if r.jj.allocLimit == 0 {
		return limit
	}
	room := (r.jj.allocLimit-r.jj.allocs)/allocMatchSize + 1
	if room < 1 {
		room = 1
	}
	if room > math.MaxInt32 {
		return limit
	}
	if limit < 0 || int64(limit) > room {
		return int(room)
	}
	return limit
}

// chargeMatches charges the matches a global search found.
func (r *Runtime) chargeMatches(found []regexpResult) {
	r.chargeN(int64(len(found)), allocMatchSize)
}

// chargeKeys charges a list of n property names about to be made.
func (o *baseObject) chargeKeys(n int) {
	if o.val != nil && o.val.runtime != nil {
		o.val.runtime.chargeN(int64(n), allocKeySize)
	}
}
