package harness_test

import (
	"context"
	"fmt"
	"os"

	"github.com/journeyjs/journeyjs/harness"
)

// Load a test file, run its cases and report them. (The per-case lines carry
// durations, so this example prints its own.)
func Example() {
	src := `
source: |
  nodeState.putShared("greeting", "Hello " + nodeState.get("username"));
  action.goTo(nodeState.get("username") === "root" ? "admin" : "user");
cases:
  - name: user
    sharedState: {username: bjensen}
    expect: {outcome: user, sharedState: {greeting: Hello bjensen}}
  - name: admin
    sharedState: {username: root}
    expect: {outcome: user}
`
	cases, err := harness.NewLoader().Parse("greet.test.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	sum := harness.Run(context.Background(), cases, harness.Options{}, func(r *harness.Result) {
		status := "PASS"
		if !r.Passed {
			status = "FAIL"
		}
		fmt.Println(status, r.Name)
		for _, f := range r.Failures {
			fmt.Println("  " + f.Message)
		}
	})
	harness.WriteSummary(os.Stdout, sum)
	// Output:
	// PASS greet.test.yaml/user
	// FAIL greet.test.yaml/admin
	//   outcome: expected "user", got "admin"
	// 1 passed, 1 failed
}

func ExampleDiff() {
	fmt.Print(harness.Diff(
		map[string]any{"riskScore": 40, "username": "bjensen"},
		map[string]any{"riskScore": 50, "username": "bjensen"},
	))
	// Output:
	// --- expected
	// +++ actual
	// @@ -1,4 +1,4 @@
	//  {
	// -  "riskScore": 40,
	// +  "riskScore": 50,
	//    "username": "bjensen"
	//  }
}

func ExampleMatchSubset() {
	got := map[string]any{"user": map[string]any{"name": "bjensen", "roles": []any{"a"}}, "extra": true}
	for _, m := range harness.MatchSubset("sharedState", map[string]any{"user": map[string]any{"roles": []any{"a", "b"}}, "score": 1}, got) {
		fmt.Println(m)
	}
	// Output:
	// sharedState.score: missing
	// sharedState.user.roles: expected ["a","b"], got ["a"]
}
