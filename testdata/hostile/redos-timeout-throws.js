// Attempt: A backtracking pattern that regexp2 cannot finish within its match time limit; goja used to answer "no match" (so /(a+)+\1b/ flipped from true to false as the input grew).
// Containment: The match time limit throws a catchable Error that names the limit; the script sees it.
// time-limit: 5s
// expect: outcome: RegExp match exceeded its time limit of 1s|timeout
var small = /(a+)+\1b/.test("aaaab");
try {
  /(a+)+\1b/.test("a".repeat(5000) + "c");
  action.goTo("no error, small=" + small);
} catch (e) {
  action.goTo(small && e instanceof Error ? e.message : "wrong: " + e);
}
