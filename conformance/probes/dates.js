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
