package utils

import "fmt"

// javaError is a failure whose text is the message of the Java exception
// AIC raises for it, word for word (capitals and full stops included).
type javaError string

func (e javaError) Error() string { return string(e) }

func javaErrorf(format string, args ...any) error { return javaError(fmt.Sprintf(format, args...)) }
