package utils

import (
	"errors"
	"strconv"

	"golang.org/x/crypto/bcrypt"
)

// bcryptVersions are the hash versions BouncyCastle's OpenBSDBCrypt, which
// AIC's checkBcrypt uses, accepts.
var bcryptVersions = map[string]bool{"2": true, "2a": true, "2b": true, "2x": true, "2y": true}

// checkBcrypt reports whether password matches hash, with OpenBSDBCrypt's
// checks on the hash's form first (their messages are what a script sees).
func checkBcrypt(hash, password string) (bool, error) {
	if len(hash) != 60 {
		return false, javaErrorf("Bcrypt String length: %d, 60 required.", len(hash))
	}
	if hash[0] != '$' || hash[3] != '$' || hash[6] != '$' {
		return false, javaError("Invalid Bcrypt String format.")
	}
	if v := hash[1:3]; !bcryptVersions[v] {
		return false, javaErrorf("Bcrypt version '%s' is not supported by this implementation", v)
	}
	cost, err := strconv.Atoi(hash[4:6])
	if err != nil {
		return false, javaErrorf("Invalid cost factor: %s", hash[4:6])
	}
	if cost < 4 || cost > 31 {
		return false, javaErrorf("Invalid cost factor: %d, 4 < cost < 31 expected.", cost)
	}
	// bcrypt reads at most 72 bytes of password; BouncyCastle cuts longer
	// ones where Go's package would refuse them.
	pw := []byte(password)
	if len(pw) > 72 {
		pw = pw[:72]
	}
	err = bcrypt.CompareHashAndPassword([]byte(hash), pw)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	}
	// The form passed the checks above, so the salt or digest is corrupt.
	return false, javaError("Invalid Bcrypt String format.")
}
