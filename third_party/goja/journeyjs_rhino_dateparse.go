package goja

import (
	"math"
	"unicode"
)

// journeyjs patch: Rhino 1.7.14's two date parsers, for Date.parse and
// new Date(string) in Rhino mode (journeyjs_rhino_dates.go).

// jjRhinoParseISO parses ES5's date time string format as Rhino does:
// YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±hh[:]mm]], or ±YYYYYY for the year,
// or a time alone after "T". Fractions have exactly three digits. A date
// alone is UTC; a time without a zone is local. NaN when s is not in the
// form or a field is out of range.
func jjRhinoParseISO(s []rune) float64 {
	const (
		stError = iota - 1
		stYear
		stMonth
		stDay
		stHour
		stMin
		stSec
		stMsec
		stTZHour
		stTZMin
	)
	state := stYear
	values := [9]int{1970, 1, 1, 0, 0, 0, 0, -1, -1}
	timeSpecified := false
	yearLen, yearSign, tzSign := 4, 1, 1
	i, n := 0, len(s)
	if n != 0 {
		switch s[0] {
		case '+', '-':
			i++
			yearLen = 6
			if s[0] == '-' {
				yearSign = -1
			}
		case 'T':
			i++
			state = stHour
		}
	}
loop:
	for state != stError {
		width := 2
		switch state {
		case stYear:
			width = yearLen
		case stMsec:
			width = 3
		}
		if i+width > n {
			state = stError
			break
		}
		value := 0
		for end := i + width; i < end; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				state = stError
				break loop
			}
			value = 10*value + int(c-'0')
		}
		values[state] = value
		if i == n {
			if state == stHour || state == stTZHour {
				state = stError
			}
			break
		}
		c := s[i]
		i++
		if c == 'Z' {
			values[stTZHour], values[stTZMin] = 0, 0
			if state != stMin && state != stSec && state != stMsec {
				state = stError
			}
			break
		}
		switch state {
		case stYear, stMonth:
			switch c {
			case '-':
				state++
			case 'T':
				state = stHour
			default:
				state = stError
			}
		case stDay:
			state = stError
			if c == 'T' {
				state = stHour
			}
		case stHour:
			state = stError
			if c == ':' {
				state = stMin
			}
			timeSpecified = true
		case stTZHour:
			// A ':' between the offset's hours and minutes is optional.
			if c != ':' {
				i--
			}
			state = stTZMin
		case stMin:
			switch c {
			case ':':
				state = stSec
			case '+', '-':
				state = stTZHour
			default:
				state = stError
			}
		case stSec:
			switch c {
			case '.':
				state = stMsec
			case '+', '-':
				state = stTZHour
			default:
				state = stError
			}
		case stMsec:
			state = stError
			if c == '+' || c == '-' {
				state = stTZHour
			}
		case stTZMin:
			state = stError
		}
		if state == stTZHour && c == '-' {
			tzSign = -1
		}
	}
	if state == stError || i != n {
		return math.NaN()
	}
	year, month, day := values[stYear], values[stMonth], values[stDay]
	hour, min, sec, msec := values[stHour], values[stMin], values[stSec], values[stMsec]
	tzHour, tzMin := values[stTZHour], values[stTZMin]
	if year > 275943 || month < 1 || month > 12 || day < 1 || day > jjDaysInMonth(year, month) ||
		hour > 24 || (hour == 24 && (min > 0 || sec > 0 || msec > 0)) ||
		min > 59 || sec > 59 || tzHour > 23 || tzMin > 59 {
		return math.NaN()
	}
	t := jjRhinoMsecFromDate(float64(year*yearSign), float64(month-1), float64(day),
		float64(hour), float64(min), float64(sec), float64(msec))
	switch {
	case tzHour != -1:
		t -= float64((tzHour*60 + tzMin) * 60000 * tzSign)
	case timeSpecified:
		t -= jjLocalOffsetMs(t - jjLocalOffsetMs(t))
	}
	if t < -maxTime || t > maxTime {
		return math.NaN()
	}
	return t
}

func jjDaysInMonth(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// jjRhinoDateWords are the words Rhino's legacy parser knows, in its order;
// a word of the input matches the first of them it is a prefix of (two
// letters at least, case ignored).
var jjRhinoDateWords = []string{
	"am", "pm",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
	"gmt", "ut", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
}

// jjRhinoZoneMinutes are the offsets west of UTC of the zone words, in the
// order of jjRhinoDateWords.
var jjRhinoZoneMinutes = []int32{0, 0, 0, 5 * 60, 4 * 60, 6 * 60, 5 * 60, 7 * 60, 6 * 60, 8 * 60, 7 * 60}

// jjRhinoParseLegacy is Rhino's (and old SpiderMonkey's) free-form date
// parser: numbers separated by "/", ":", spaces, commas and dashes, month
// and week day names, AM/PM, a few US zone names, "GMT+hhmm" offsets and
// comments in parentheses. It validates little: "1/45/2024" is February 14.
// Java's int arithmetic (wrapping) is kept on purpose.
func jjRhinoParseLegacy(s []rune) float64 {
	nan := math.NaN()
	year, mon, mday, hour, min, sec := int32(-1), int32(-1), int32(-1), int32(-1), int32(-1), int32(-1)
	tzOffset := int32(-1) // minutes west of UTC; -1: none given
	var prevc rune
	seenPlusMinus := false
	limit := len(s)
	for i := 0; i < limit; {
		c := s[i]
		i++
		if c <= ' ' || c == ',' || c == '-' {
			if i < limit && c == '-' && s[i] >= '0' && s[i] <= '9' {
				prevc = c
			}
			continue
		}
		if c == '(' { // a comment, possibly nested
			depth := 1
			for i < limit {
				c = s[i]
				i++
				if c == '(' {
					depth++
				} else if c == ')' {
					if depth--; depth <= 0 {
						break
					}
				}
			}
			continue
		}
		if c >= '0' && c <= '9' {
			n := int32(c - '0')
			// c ends as the unit after the number, or its last digit at the end.
			for i < limit {
				if c = s[i]; c < '0' || c > '9' {
					break
				}
				n = n*10 + int32(c-'0')
				i++
			}
			switch {
			case prevc == '+' || prevc == '-': // an offset: GMT-3, GMT-0430, -03:30
				seenPlusMinus = true
				if n < 24 {
					n *= 60
				} else {
					n = n%100 + n/100*60
				}
				if prevc == '+' { // east of UTC
					n = -n
				}
				if tzOffset != 0 && tzOffset != -1 {
					return nan
				}
				tzOffset = n
			case n >= 70 || (prevc == '/' && mon >= 0 && mday >= 0 && year < 0):
				if year >= 0 {
					return nan
				}
				if c <= ' ' || c == ',' || c == '/' || i >= limit {
					if n < 100 {
						year = n + 1900
					} else {
						year = n
					}
				} else {
					return nan
				}
			case c == ':':
				if hour < 0 {
					hour = n
				} else if min < 0 {
					min = n
				} else {
					return nan
				}
			case c == '/':
				if mon < 0 {
					mon = n - 1
				} else if mday < 0 {
					mday = n
				} else {
					return nan
				}
			case i < limit && c != ',' && c > ' ' && c != '-':
				return nan
			case seenPlusMinus && n < 60: // the minutes of GMT-3:30
				if tzOffset < 0 {
					tzOffset -= n
				} else {
					tzOffset += n
				}
			case hour >= 0 && min < 0:
				min = n
			case min >= 0 && sec < 0:
				sec = n
			case mday < 0:
				mday = n
			default:
				return nan
			}
			prevc = 0
			continue
		}
		if c == '/' || c == ':' || c == '+' || c == '-' {
			prevc = c
			continue
		}
		// A word: this unit and the ASCII letters after it.
		st := i - 1
		for i < limit && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
			i++
		}
		word := s[st:i]
		if len(word) < 2 {
			return nan
		}
		index := -1
		for k, w := range jjRhinoDateWords {
			if jjJavaPrefixFold(word, w) {
				index = k
				break
			}
		}
		switch {
		case index < 0:
			return nan
		case index < 2: // AM, PM: 12:30 AM is 00:30, 12:30 PM is 12:30
			if hour > 12 || hour < 0 {
				return nan
			}
			if index == 0 && hour == 12 {
				hour = 0
			} else if index == 1 && hour != 12 {
				hour += 12
			}
		case index < 2+7: // week days are ignored
		case index < 2+7+12:
			if mon >= 0 {
				return nan
			}
			mon = int32(index - 2 - 7)
		default:
			tzOffset = jjRhinoZoneMinutes[index-2-7-12]
		}
	}
	if year < 0 || mon < 0 || mday < 0 {
		return nan
	}
	if sec < 0 {
		sec = 0
	}
	if min < 0 {
		min = 0
	}
	if hour < 0 {
		hour = 0
	}
	t := jjRhinoMsecFromDate(float64(year), float64(mon), float64(mday), float64(hour), float64(min), float64(sec), 0)
	if tzOffset == -1 {
		return jjRhinoInternalUTC(t)
	}
	return t + float64(tzOffset)*60000
}

// jjJavaPrefixFold reports whether word is a prefix of w, ignoring case as
// Java's String.regionMatches(true, …) does unit by unit.
func jjJavaPrefixFold(word []rune, w string) bool {
	if len(word) > len(w) {
		return false
	}
	for k, c := range word {
		d := rune(w[k])
		if c == d {
			continue
		}
		cu, du := unicode.ToUpper(c), unicode.ToUpper(d)
		if cu == du || unicode.ToLower(cu) == unicode.ToLower(du) {
			continue
		}
		return false
	}
	return true
}
