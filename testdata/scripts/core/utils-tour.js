// Exercise every utils function and keep the results for inspection.
var id = utils.crypto.randomUUID();
var values = [0, 0, 0, 0, 0];
utils.crypto.getRandomValues(values);
var encoded = utils.base64.encode("exampletext");
var decoded = utils.base64.decode(encoded);
var urlEncoded = utils.base64url.encode("http://exampletext=");
var urlDecoded = utils.base64url.decode(urlEncoded);
values.forEach(function (v) { logger.debug("Random value: " + v); });
nodeState.putShared("utils", {
  id: id,
  count: values.length,
  allNumbers: values.every(function (v) { return typeof v === "number"; }),
  encoded: encoded,
  decoded: decoded,
  urlEncoded: urlEncoded,
  urlDecoded: urlDecoded
});
action.goTo("true");
