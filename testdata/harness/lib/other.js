// A second greet library, named by inline fixtures relative to the test file.
module.exports = {
  hello: function (name, greeting) { return greeting + " " + name + "!"; }
};
