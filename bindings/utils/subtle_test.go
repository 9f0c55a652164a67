package utils_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Known answers: FIPS 180-2 ("abc"), RFC 4231 / RFC 2202 (HMAC, key
// "Jefe"), RFC 7914 §11 / RFC 6070-style PBKDF2-HMAC-SHA256, FIPS-197 C.1.

func TestDigestKnownAnswers(t *testing.T) {
	for alg, want := range map[string]string{
		"SHA-1":   "a9993e364706816aba3e25717850c26c9cd0d89d",
		"SHA-256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"SHA-384": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
		"SHA-512": "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
	} {
		assert.Equal(t, want, runHex(t, `hex(utils.crypto.subtle.digest("`+alg+`", bytes("abc")))`), alg)
	}
	assert.Equal(t, "InternalError: MD5 MessageDigest not available", fails(t, `utils.crypto.subtle.digest("MD5", bytes("abc"))`))
}

func TestHMACKnownAnswers(t *testing.T) {
	const data = `bytes("what do ya want for nothing?")`
	assert.Equal(t, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
		runHex(t, `hex(utils.crypto.subtle.sign("HMAC", bytes("Jefe"), `+data+`))`))
	assert.Equal(t, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
		runHex(t, `hex(utils.crypto.subtle.sign({name: "HMAC", hash: "SHA-512"}, bytes("Jefe"), `+data+`))`))
	assert.Equal(t, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
		runHex(t, `hex(utils.crypto.subtle.sign({name: "HMAC", hash: "SHA-1"}, bytes("Jefe"), `+data+`))`))
	assert.Equal(t, "true,false", runHex(t, `var sig = utils.crypto.subtle.sign("HMAC", bytes("Jefe"), `+data+`);
		var ok = utils.crypto.subtle.verify("HMAC", bytes("Jefe"), `+data+`, sig);
		sig[0] = sig[0] ^ 1;
		[ok, utils.crypto.subtle.verify("HMAC", bytes("Jefe"), `+data+`, sig)].join()`))
	assert.Equal(t, "InternalError: Empty key", fails(t, `utils.crypto.subtle.sign("HMAC", [], [1])`))
}

func TestDeriveKeyPBKDF2KnownAnswers(t *testing.T) {
	assert.Equal(t, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b",
		runHex(t, `hex(utils.crypto.subtle.deriveKey({name: "PBKDF2", hash: "SHA-256", salt: bytes("salt"), iterations: 1}, bytes("password"), 256))`))
	assert.Equal(t, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a",
		runHex(t, `hex(utils.crypto.subtle.deriveKey({name: "PBKDF2", salt: bytes("salt"), iterations: 4096}, bytes("password"), 256))`))
	assert.Equal(t, "InternalError: the salt parameter must be non-null",
		fails(t, `utils.crypto.subtle.deriveKey("PBKDF2", bytes("password"), 256)`))
	assert.Equal(t, "InternalError: invalid iterationCount value",
		fails(t, `utils.crypto.subtle.deriveKey({name: "PBKDF2", salt: bytes("s"), iterations: 0}, bytes("p"), 256)`))
	assert.Equal(t, "InternalError: invalid keyLength value",
		fails(t, `utils.crypto.subtle.deriveKey({name: "PBKDF2", salt: bytes("s"), iterations: 1}, bytes("p"), 0)`))
	assert.Equal(t, "InternalError: utils.crypto.subtle.deriveKey: unsupported algorithm HKDF",
		fails(t, `utils.crypto.subtle.deriveKey({name: "HKDF", salt: bytes("s")}, bytes("p"), 256)`))
}

func TestAESKnownAnswerAndRoundTrip(t *testing.T) {
	// Java's bare "AES" is ECB with PKCS#5 padding: a full block of
	// plaintext gives the FIPS-197 block, then a block of padding.
	got := runHex(t, `var c = utils.crypto.subtle.encrypt("AES", fromHex("000102030405060708090a0b0c0d0e0f"),
		fromHex("00112233445566778899aabbccddeeff")); c.length + ":" + hex(c).slice(0, 32)`)
	assert.Equal(t, "32:69c4e0d86a7b0430d8cdb78070b4c55a", got)

	got = runHex(t, `var key = utils.crypto.subtle.generateKey("AES");
		var c = utils.crypto.subtle.encrypt({name: "AES"}, key, bytes("secret message"));
		key.length + ":" + utils.types.bytesToString(utils.crypto.subtle.decrypt("AES", key, c))`)
	assert.Equal(t, "32:secret message", got)
	assert.Equal(t, "16", runHex(t, `utils.crypto.subtle.generateKey({name: "AES", length: 128}).length`))

	assert.Equal(t, "InternalError: Wrong keysize: must be equal to 128, 192 or 256",
		fails(t, `utils.crypto.subtle.generateKey({name: "AES", length: 100})`))
	assert.Equal(t, "InternalError: Invalid AES key length: 5 bytes",
		fails(t, `utils.crypto.subtle.encrypt("AES", [1, 2, 3, 4, 5], bytes("x"))`))
	assert.Equal(t, "InternalError: Given final block not properly padded. Such issues can arise if a bad key is used during decryption.",
		fails(t, `var c = utils.crypto.subtle.encrypt("AES", utils.crypto.subtle.generateKey("AES"), bytes("x"));
			utils.crypto.subtle.decrypt("AES", utils.crypto.subtle.generateKey("AES"), c)`))
	assert.Equal(t, "InternalError: Input length must be multiple of 16 when decrypting with padded cipher",
		fails(t, `utils.crypto.subtle.decrypt("AES", utils.crypto.subtle.generateKey("AES"), [1, 2, 3])`))
	assert.Equal(t, "InternalError: utils.crypto.subtle.encrypt: unsupported algorithm DES",
		fails(t, `utils.crypto.subtle.encrypt("DES", [1], [1])`))
}

func TestRSAEncryptSignVerify(t *testing.T) {
	got := runHex(t, `var pair = utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 1024});
		var c = utils.crypto.subtle.encrypt("RSA", pair.publicKey, bytes("hello"));
		var plain = utils.types.bytesToString(utils.crypto.subtle.decrypt("RSA", pair.privateKey, c));
		var sig = utils.crypto.subtle.sign("RSA", pair.privateKey, bytes("data"));
		var ok = utils.crypto.subtle.verify("RSA", pair.publicKey, bytes("data"), sig);
		var other = utils.crypto.subtle.verify("RSA", pair.publicKey, bytes("other"), sig);
		sig[10] = sig[10] ^ 4;
		[c.length, plain, sig.length, ok, other, utils.crypto.subtle.verify("RSA", pair.publicKey, bytes("data"), sig)].join()`)
	assert.Equal(t, "128,hello,128,true,false,false", got)

	assert.Equal(t, "InternalError: invalid key format", fails(t, `utils.crypto.subtle.encrypt("RSA", [1, 2, 3], bytes("x"))`))
	assert.Equal(t, "InternalError: Signature length not correct: got 3 but was expecting 128",
		fails(t, `var p = utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 1024});
			utils.crypto.subtle.verify("RSA", p.publicKey, bytes("d"), [1, 2, 3])`))
	assert.Equal(t, "InternalError: Decryption error",
		fails(t, `var p = utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 1024});
			var q = utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 1024});
			utils.crypto.subtle.decrypt("RSA", q.privateKey, utils.crypto.subtle.encrypt("RSA", p.publicKey, bytes("x")))`))
	assert.Equal(t, "InternalError: SHA-1 is supported for HMAC only",
		fails(t, `var p = utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 1024});
			utils.crypto.subtle.sign({name: "RSA", hash: "SHA-1"}, p.privateKey, bytes("d"))`))
	assert.Equal(t, "InternalError: RSA keys must be 1024 to 4096 bits long",
		fails(t, `utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 16384})`))
}

func TestECDSASignVerify(t *testing.T) {
	for _, curve := range []string{"P-256", "P-384", "P-521"} {
		got := runHex(t, `var pair = utils.crypto.subtle.generateKey({name: "ECDSA", namedCurve: "`+curve+`"});
			var sig = utils.crypto.subtle.sign("ECDSA", pair.privateKey, bytes("data"));
			[utils.crypto.subtle.verify("ECDSA", pair.publicKey, bytes("data"), sig),
			 utils.crypto.subtle.verify("ECDSA", pair.publicKey, bytes("datA"), sig)].join()`)
		assert.Equal(t, "true,false", got, curve)
	}
	assert.Equal(t, "InternalError: ECDSA hash SHA-512 does not match the curve size 256",
		fails(t, `var p = utils.crypto.subtle.generateKey("ECDSA");
			utils.crypto.subtle.sign({name: "ECDSA", hash: "SHA-512"}, p.privateKey, bytes("d"))`))
	assert.Equal(t, "InternalError: Invalid encoding for signature",
		fails(t, `var p = utils.crypto.subtle.generateKey("ECDSA");
			utils.crypto.subtle.verify("ECDSA", p.publicKey, bytes("d"), [1, 2, 3])`))
	assert.Equal(t, "InternalError: Unsupported curve: P-192",
		fails(t, `utils.crypto.subtle.generateKey({name: "ECDSA", namedCurve: "P-192"})`))
	// An RSA key is not an EC key.
	assert.Equal(t, "InternalError: invalid key format",
		fails(t, `var p = utils.crypto.subtle.generateKey({name: "RSA", modulusLength: 1024});
			utils.crypto.subtle.sign("ECDSA", p.privateKey, bytes("d"))`))
}

func TestGenerateHMACKeySizes(t *testing.T) {
	// Java's HMAC key generators' default sizes.
	assert.Equal(t, "32,64,48,64", run(t, `["SHA-256", "SHA-1", "SHA-384", "SHA-512"].map(function (h) {
		return utils.crypto.subtle.generateKey({name: "HMAC", hash: h}).length; }).join()`))
	assert.Equal(t, "32", run(t, `utils.crypto.subtle.generateKey("HMAC").length`))
}

func TestCheckBcrypt(t *testing.T) {
	// Hashes made by another implementation: jBCrypt's published vectors.
	for hash, password := range map[string]string{
		"$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.": "",
		"$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe": "a",
		"$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i": "abc",
	} {
		assert.Equal(t, "true,false", run(t, `[utils.crypto.checkBcrypt("`+hash+`", "`+password+`"),
			utils.crypto.checkBcrypt("`+hash+`", "`+password+`x")].join()`), hash)
	}
	assert.Equal(t, "InternalError: Bcrypt String length: 5, 60 required.", fails(t, `utils.crypto.checkBcrypt("$2a$0", "x")`))
	assert.Equal(t, "InternalError: Bcrypt version '3a' is not supported by this implementation",
		fails(t, `utils.crypto.checkBcrypt("$3a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", "x")`))
	assert.Equal(t, "InternalError: Invalid cost factor: 3, 4 < cost < 31 expected.",
		fails(t, `utils.crypto.checkBcrypt("$2a$03$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", "x")`))
	assert.Equal(t, "InternalError: Missing password.",
		fails(t, `utils.crypto.checkBcrypt("$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.", null)`))
}
