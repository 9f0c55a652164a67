package goja

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// journeyjs patch: Date in Rhino mode answers as Rhino 1.7.14's NativeDate:
//
//   - toString, toTimeString and Date() write a zero offset "GMT-0000"
//     (Rhino's sign test is offset > 0);
//   - toLocaleString, toLocaleDateString and toLocaleTimeString use Java's
//     en_US long formats ("January 1, 1970 12:00:00 AM UTC"), with Java's
//     Julian calendar before the Gregorian cutover of 15 October 1582; their
//     arguments are ignored;
//   - toISOString writes years before 0 or after 9999 with six digits and a
//     sign ("-000001", "+012345");
//   - getYear, setYear, toGMTString (the toUTCString function) and toSource
//     exist;
//   - Date.parse and new Date(string) accept what Rhino accepts: the ES5
//     ISO form with exactly three fraction digits (journeyjsRhinoParseISO),
//     else Rhino's legacy parser (journeyjsRhinoParseLegacy); everything
//     else is NaN, e.g. "2024-03-01 12:30:00" or six fraction digits.
//
// Local time is the runtime's time.Local; AIC runs in UTC, where the two
// engines agree exactly. In other zones the names in parentheses and in the
// locale forms are Go's abbreviations, not Java's.

const jjMsPerDay = 86400000.0

func (r *Runtime) jjDateProtoTemplate() *objectTemplate {
	if r.jj.rhino {
		return jjRhinoDateProtoTemplate()
	}
	return getDateProtoTemplate()
}

func (r *Runtime) jjDateTemplate() *objectTemplate {
	if r.jj.rhino {
		return jjRhinoDateTemplate()
	}
	return getDateTemplate()
}

var jjRhinoDateProto, jjRhinoDate jjTemplateOnce

func jjRhinoDateProtoTemplate() *objectTemplate {
	return jjRhinoDateProto.get(func() *objectTemplate {
		return jjDerivedTemplate(getDateProtoTemplate(), []jjTemplateProp{
			jjMethod("toString", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToString }),
			jjMethod("toTimeString", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToTimeString }),
			jjMethod("toLocaleString", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToLocaleString }),
			jjMethod("toLocaleDateString", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToLocaleDateString }),
			jjMethod("toLocaleTimeString", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToLocaleTimeString }),
			jjMethod("toISOString", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToISOString }),
			jjMethod("getYear", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateGetYear }),
			jjMethod("setYear", 1, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateSetYear }),
			jjMethod("toSource", 0, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateToSource }),
			// Rhino's toGMTString is the very toUTCString function.
			{"toGMTString", func(r *Runtime) Value {
				return valueProp(r.getDatePrototype().self.getStr("toUTCString", nil), true, false, true)
			}},
		})
	})
}

func jjRhinoDateTemplate() *objectTemplate {
	return jjRhinoDate.get(func() *objectTemplate {
		return jjDerivedTemplate(getDateTemplate(), []jjTemplateProp{
			jjMethod("parse", 1, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoDateParse }),
		})
	})
}

// jjRhinoDate returns the date behind call.This, or throws upstream's
// TypeError for another receiver.
func (r *Runtime) jjRhinoDate(call FunctionCall, method string) *dateObject {
	if d, ok := r.toObject(call.This).self.(*dateObject); ok {
		return d
	}
	panic(r.NewTypeError("Method Date.prototype.%s is called on incompatible receiver", method))
}

// jjRhinoDateCall is Date() called as a function: now, as toString writes it.
func (r *Runtime) jjRhinoDateCall() Value {
	return asciiString(jjRhinoDateString(r.now(), true, true))
}

func (r *Runtime) jjRhinoDateToString(call FunctionCall) Value {
	if d := r.jjRhinoDate(call, "toString"); d.isSet() {
		return asciiString(jjRhinoDateString(d.time(), true, true))
	}
	return stringInvalidDate
}

func (r *Runtime) jjRhinoDateToTimeString(call FunctionCall) Value {
	if d := r.jjRhinoDate(call, "toTimeString"); d.isSet() {
		return asciiString(jjRhinoDateString(d.time(), false, true))
	}
	return stringInvalidDate
}

// jjRhinoDateString writes t in local time as Rhino's date_format does:
// "Thu Jan 01 1970" (withDate) and "00:00:00 GMT-0000 (UTC)" (withTime).
func jjRhinoDateString(t time.Time, withDate, withTime bool) string {
	t = t.Local()
	var b strings.Builder
	if withDate {
		b.WriteString(t.Format("Mon Jan 02 2006"))
	}
	if withDate && withTime {
		b.WriteByte(' ')
	}
	if withTime {
		b.WriteString(t.Format("15:04:05"))
		zone, offsetSec := t.Zone()
		minutes := int(math.Floor(float64(offsetSec) / 60))
		offset := minutes/60*100 + minutes%60 // 510 minutes are "0830"
		if offset > 0 {
			b.WriteString(" GMT+")
		} else {
			b.WriteString(" GMT-")
			offset = -offset
		}
		b.WriteString(jjZeroPad(int64(offset), 4))
		b.WriteString(" (" + zone + ")")
	}
	return b.String()
}

func jjZeroPad(n int64, width int) string {
	s := strconv.FormatInt(n, 10)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

func (r *Runtime) jjRhinoDateToISOString(call FunctionCall) Value {
	d := r.jjRhinoDate(call, "toISOString")
	if !d.isSet() {
		panic(r.newError(r.getRangeError(), "Invalid time value"))
	}
	utc := d.timeUTC()
	var year string
	switch y := int64(utc.Year()); {
	case y < 0:
		year = "-" + jjZeroPad(-y, 6)
	case y > 9999:
		year = "+" + jjZeroPad(y, 6)
	default:
		year = jjZeroPad(y, 4)
	}
	return asciiString(year + utc.Format(isoDateTimeLayout[4:]))
}

func (r *Runtime) jjRhinoDateToLocaleString(call FunctionCall) Value {
	if d := r.jjRhinoDate(call, "toLocaleString"); d.isSet() {
		return asciiString(jjJavaLongDate(d.time()) + " " + jjJavaLongTime(d.time()))
	}
	return stringInvalidDate
}

func (r *Runtime) jjRhinoDateToLocaleDateString(call FunctionCall) Value {
	if d := r.jjRhinoDate(call, "toLocaleDateString"); d.isSet() {
		return asciiString(jjJavaLongDate(d.time()))
	}
	return stringInvalidDate
}

func (r *Runtime) jjRhinoDateToLocaleTimeString(call FunctionCall) Value {
	if d := r.jjRhinoDate(call, "toLocaleTimeString"); d.isSet() {
		return asciiString(jjJavaLongTime(d.time()))
	}
	return stringInvalidDate
}

// jjGregorianCutoverMs is when Java's default GregorianCalendar switches
// from the Julian calendar: 1582-10-15T00:00:00Z.
const jjGregorianCutoverMs = -12219292800000

// jjJavaLongDate writes t's local date as Java's en_US long date format
// does ("MMMM d, yyyy"): the Julian calendar before the cutover, and the
// year of the era (1 BC is 0001) without the era.
func jjJavaLongDate(t time.Time) string {
	t = t.Local()
	year, month, day := t.Year(), int(t.Month()), t.Day()
	_, offsetSec := t.Zone()
	localMs := t.UnixMilli() + int64(offsetSec)*1000
	if localMs < jjGregorianCutoverMs {
		year, month, day = jjJulianDate(jjFloorDiv(localMs, jjMsPerDay) + 2440588)
	}
	if year < 1 {
		year = 1 - year
	}
	return time.Month(month).String() + " " + strconv.Itoa(day) + ", " + jjZeroPad(int64(year), 4)
}

// jjJavaLongTime writes t's local time as Java's en_US long time format
// does ("h:mm:ss a z").
func jjJavaLongTime(t time.Time) string {
	t = t.Local()
	zone, _ := t.Zone()
	return t.Format("3:04:05 PM") + " " + zone
}

// jjJulianDate converts a Julian day number to a date of the (proleptic)
// Julian calendar, year 0 being 1 BC.
func jjJulianDate(jdn int64) (year, month, day int) {
	c := jdn + 32082
	d := jjFloorDiv(4*c+3, 1461)
	e := c - jjFloorDiv(1461*d, 4)
	m := jjFloorDiv(5*e+2, 153)
	day = int(e - jjFloorDiv(153*m+2, 5) + 1)
	month = int(m + 3 - 12*jjFloorDiv(m, 10))
	year = int(d - 4800 + jjFloorDiv(m, 10))
	return
}

func jjFloorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func (r *Runtime) jjRhinoDateToSource(call FunctionCall) Value {
	d := r.jjRhinoDate(call, "toSource")
	t := _NaN
	if d.isSet() {
		t = intToValue(d.msec)
	}
	return asciiString("(new Date(" + t.String() + "))")
}

// jjRhinoDateGetYear is the full year minus 1900, in local time.
func (r *Runtime) jjRhinoDateGetYear(call FunctionCall) Value {
	d := r.jjRhinoDate(call, "getYear")
	if !d.isSet() {
		return _NaN
	}
	return intToValue(int64(d.time().Local().Year()) - 1900)
}

// jjRhinoDateSetYear sets the local year, 0 to 99 meaning 1900 to 1999,
// keeping month, day and time; on an invalid date it starts from time 0.
func (r *Runtime) jjRhinoDateSetYear(call FunctionCall) Value {
	d := r.jjRhinoDate(call, "setYear")
	year := call.Argument(0).ToFloat()
	if math.IsNaN(year) || math.IsInf(year, 0) {
		d.unset()
		return _NaN
	}
	var t float64
	if d.isSet() {
		t = float64(d.msec)
	}
	local := t + jjLocalOffsetMs(t)
	if year >= 0 && year <= 99 {
		year += 1900
	}
	lt := time.UnixMilli(int64(local)).UTC()
	day := jjRhinoMakeDay(year, float64(lt.Month()-1), float64(lt.Day()))
	t = jjRhinoInternalUTC(day*jjMsPerDay + jjPositiveMod(local, jjMsPerDay))
	ms, ok := jjTimeClip(t)
	if !ok {
		d.unset()
		return _NaN
	}
	return d.setTimeMs(ms)
}

// jjLocalOffsetMs is time.Local's offset from UTC at the instant t.
func jjLocalOffsetMs(t float64) float64 {
	_, offsetSec := time.UnixMilli(int64(t)).In(time.Local).Zone()
	return float64(offsetSec) * 1000
}

// jjRhinoInternalUTC turns a local time value into a time value.
func jjRhinoInternalUTC(local float64) float64 {
	return local - jjLocalOffsetMs(local-jjLocalOffsetMs(local))
}

// jjTimeClip is ECMAScript's TimeClip: NaN and times past ±8.64e15 are not
// valid; others are truncated to an integer.
func jjTimeClip(t float64) (int64, bool) {
	if math.IsNaN(t) || math.Abs(t) > maxTime {
		return 0, false
	}
	return int64(t), true
}

func jjPositiveMod(a, b float64) float64 {
	m := math.Mod(a, b)
	if m < 0 {
		m += b
	}
	return m
}

// jjRhinoMakeDay is Rhino's MakeDay: the day number of date in month of
// year, month overflowing into the year; floating point like Rhino's.
func jjRhinoMakeDay(year, month, date float64) float64 {
	year += math.Floor(month / 12)
	month = math.Mod(month, 12)
	if month < 0 {
		month += 12
	}
	yearDay := math.Floor(jjRhinoDayFromYear(year))
	return yearDay + float64(jjRhinoDayFromMonth(int(month), jjJavaInt(year))) + date - 1
}

func jjRhinoDayFromYear(y float64) float64 {
	return 365*(y-1970) + math.Floor((y-1969)/4) - math.Floor((y-1901)/100) + math.Floor((y-1601)/400)
}

// jjRhinoDayFromMonth is the number of days of year before month m (0-11).
func jjRhinoDayFromMonth(m int, year int32) int {
	day := m * 30
	switch {
	case m >= 7:
		day += m/2 - 1
	case m >= 2:
		day += (m-1)/2 - 1
	default:
		day += m
	}
	if m >= 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		day++
	}
	return day
}

// jjJavaInt is Java's (int) cast of a double: truncation, saturating, NaN 0.
func jjJavaInt(f float64) int32 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= math.MaxInt32:
		return math.MaxInt32
	case f <= math.MinInt32:
		return math.MinInt32
	}
	return int32(f)
}

// jjRhinoMsecFromDate is Rhino's date_msecFromDate.
func jjRhinoMsecFromDate(year, mon, mday, hour, min, sec, msec float64) float64 {
	day := jjRhinoMakeDay(year, mon, mday)
	return day*jjMsPerDay + ((hour*60+min)*60+sec)*1000 + msec
}

// jjRhinoDateParse is Date.parse: Rhino returns the parsed time unclipped.
func (r *Runtime) jjRhinoDateParse(call FunctionCall) Value {
	return floatToValue(jjRhinoParseDate(call.Argument(0).toString().String()))
}

// jjRhinoParseTime is new Date(string): the parsed time, clipped.
func jjRhinoParseTime(s string) (time.Time, bool) {
	ms, ok := jjTimeClip(jjRhinoParseDate(s))
	if !ok {
		return time.Time{}, false
	}
	return timeFromMsec(ms), true
}

// jjRhinoParseDate is Rhino's date_parseString: the ISO form, else the
// legacy parser; NaN when neither accepts s.
func jjRhinoParseDate(s string) float64 {
	// Runes stand for Rhino's UTF-16 units: a character outside the BMP
	// (two units) makes either parser fail, as one rune does.
	u := []rune(s)
	if t := jjRhinoParseISO(u); !math.IsNaN(t) {
		return t
	}
	return jjRhinoParseLegacy(u)
}
