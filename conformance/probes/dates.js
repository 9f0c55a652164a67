// Dates, with TZ=UTC on both sides: parsing formats, toString forms,
// arithmetic, invalid dates.

// probe: epoch-iso
// result: new Date(0).toISOString()

// probe: tostring
// result: new Date(0).toString()

// probe: toutcstring
// result: new Date(0).toUTCString()

// probe: todatestring
// result: new Date(86400000).toDateString()

// probe: totimestring
// result: new Date(0).toTimeString()

// probe: tolocalestring
// result: new Date(0).toLocaleString()

// probe: tolocaledatestring
// result: new Date(0).toLocaleDateString()

// probe: tojson
// result: new Date(1e12).toJSON()

// probe: json-stringify-date
// result: JSON.stringify({d: new Date(1e12)})

// probe: parse-iso-z
// result: Date.parse("2024-03-01T12:30:00Z")

// probe: parse-iso-ms
// result: Date.parse("2024-03-01T12:30:00.123Z")

// probe: parse-iso-offset
// result: Date.parse("2024-03-01T12:30:00+02:00")

// probe: parse-iso-date-only
// result: Date.parse("2024-03-01")

// probe: parse-iso-no-zone
// result: Date.parse("2024-03-01T12:30:00")

// probe: parse-iso-year-month
// result: Date.parse("2024-03")

// probe: parse-rfc2822
// result: Date.parse("Fri, 01 Mar 2024 12:30:00 GMT")

// probe: parse-us
// result: Date.parse("03/01/2024")

// probe: parse-long-month
// result: Date.parse("March 1, 2024")

// probe: parse-tostring-output
// result: Date.parse(new Date(5000).toString())

// probe: parse-space-separated
// result: Date.parse("2024-03-01 12:30:00")

// probe: parse-invalid
// result: Date.parse("not a date")

// probe: parse-iso-6-digit-ms
// result: Date.parse("2024-03-01T12:30:00.123456Z")

// probe: invalid-date-tostring
// result: String(new Date("garbage"))

// probe: invalid-date-toisostring
// result: new Date(NaN).toISOString()

// probe: components
// result: [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getTimezoneOffset()].join()
var d = new Date(Date.UTC(2024, 1, 29, 23, 59));

// probe: month-overflow
// result: new Date(Date.UTC(2024, 12, 1)).toISOString()

// probe: set-month
// result: new Date(d.setUTCMonth(1)).toISOString()
var d = new Date(Date.UTC(2024, 0, 31));

// probe: date-arith
// result: (new Date(Date.UTC(2024, 2, 1)) - new Date(Date.UTC(2024, 1, 1))) / 864e5

// probe: date-now-type
// result: typeof Date.now() + "," + (Date.now() > 1.6e12)

// probe: date-call-no-new
// result: typeof Date()

// probe: getyear
// result: new Date(0).getYear()

// probe: date-two-digit-year
// result: new Date(99, 0).getFullYear()

// probe: valueof-plus
// result: +new Date(123)

// probe: date-add-string
// result: typeof (new Date(0) + 1)

// probe: utc-max
// result: new Date(8.64e15 + 1).getTime()

// probe: expiry-check
// result: (Date.now() + 3600 * 1000 > Date.now())

// probe: negative-year-iso
// result: new Date(Date.UTC(-1, 0)).toISOString()

// probe: totimestring-pm
// result: new Date(Date.UTC(2024, 11, 25, 13, 5, 9)).toLocaleTimeString()

// probe: tolocalestring-pm
// result: new Date(Date.UTC(2024, 11, 25, 13, 5, 9)).toLocaleString()

// probe: tolocalestring-args-ignored
// result: new Date(0).toLocaleString("en-GB", {timeZone: "Europe/Paris"})

// probe: tolocaledatestring-julian
// note: Java formats dates before 15 October 1582 in the Julian calendar
// result: new Date(Date.UTC(1582, 9, 14)).toLocaleDateString() + "|" + new Date(Date.UTC(-1, 0)).toLocaleDateString()

// probe: date-call-format
// result: Date().indexOf("GMT-0000 (UTC)") > 0

// probe: setyear
// result: [new Date(0).setYear(99), new Date(0).setYear(2001), new Date(NaN).setYear(5), new Date(0).setYear("x")].join()

// probe: togmtstring
// result: new Date(0).toGMTString() + (Date.prototype.toGMTString === Date.prototype.toUTCString)

// probe: big-year-iso
// result: new Date(Date.UTC(12345, 0)).toISOString()

// probe: new-date-ymd
// result: [new Date(2024, 0, 31).getTime(), new Date(2024, 1).getTime(), new Date(99, 11, 31, 23, 59, 59, 999).getTime()].join()

// probe: toutcstring-extremes
// result: new Date(-8.64e15).toUTCString() + "|" + new Date(8.64e15).toUTCString()

// probe: parse-iso-offset-no-colon
// result: Date.parse("2024-03-01T12:30:00+0200") + "," + Date.parse("2024-03-01T12:30:00+02")

// probe: parse-iso-short-fraction
// result: Date.parse("2024-03-01T12:30:00.1Z") + "," + Date.parse("2024-03-01T12:30Z")

// probe: parse-iso-invalid-day
// result: Date.parse("2024-02-30") + "," + Date.parse("2024-02-29") + "," + Date.parse("2024-3-1")

// probe: parse-iso-lowercase
// result: Date.parse("2024-03-01t12:30:00z")

// probe: parse-iso-24h
// result: Date.parse("2024-03-01T24:00:00Z") + "," + Date.parse("2024-03-01T24:00:01Z")

// probe: parse-iso-expanded-year
// result: Date.parse("+002024-03-01T00:00:00Z") + "," + Date.parse("-000001-01-01T00:00:00Z")

// probe: parse-legacy-slash-time
// result: Date.parse("2024/03/01 12:30:00") + "," + Date.parse("12/31/1999 23:59:59")

// probe: parse-legacy-ampm
// result: Date.parse("1/2/70 3:04 PM") + "," + Date.parse("Jan 1 2030 12:00 am") + "," + Date.parse("Jan 1 2030 13:00 pm")

// probe: parse-legacy-gmt-offset
// result: Date.parse("Wed Nov 05 21:49:11 GMT-0800 1997") + "," + Date.parse("Jan 1 2030 GMT+3:30")

// probe: parse-legacy-zone-names
// result: [Date.parse("Thu, 01 Jan 1970 00:00:00 UTC"), Date.parse("01 Jan 1970 00:00:00 EST"), Date.parse("01 Jan 1970 00:00:00 PDT"), Date.parse("01 Jan 1970 00:00:00 CET")].join()

// probe: parse-legacy-lenient
// note: the legacy parser does not check ranges and matches month-name prefixes
// result: Date.parse("1/45/2024") + "," + Date.parse("Ma 1 2024") + "," + Date.parse("(comment) Jan 1 2030")

// probe: parse-legacy-two-digit-year
// result: Date.parse("Jan 1 69") + "," + Date.parse("1/1/69") + "," + Date.parse("Jan 1 70")

// probe: parse-leading-space
// result: Date.parse(" 2024-03-01") + "," + Date.parse("2024-03-01 ")

// probe: new-date-string-number
// result: new Date("0").getTime() + "," + new Date("2024").getTime()

// probe: parse-unclipped
// result: Date.parse("Jan 1 300000") + "," + new Date("Jan 1 300000").getTime()
