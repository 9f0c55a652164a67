package conformance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"time"
)

// Dir is the conformance folder of the source tree (probes, oracle,
// KNOWN-DIFFERENCES.md), found from this file's compile-time path.
func Dir() string {
	_, file, _, _ := goruntime.Caller(0)
	return filepath.Dir(file)
}

// rhinoJars are where Debian's librhino-java puts Rhino 1.7.14.
var rhinoJars = []string{"/usr/share/java/rhino.jar", "/usr/share/java/js.jar"}

// OracleConfig says how to start the oracle.
type OracleConfig struct {
	Java     string        // the java binary
	RhinoJar string        // Rhino's jar
	Classes  string        // the compiled runner (conformance/oracle/build)
	Timeout  time.Duration // the per-script time limit
}

// ErrNoOracle is wrapped by FindOracle's error when Java or Rhino is missing.
var ErrNoOracle = errors.New("the Rhino oracle cannot run")

// FindOracle locates java, Rhino and the runner, compiling the runner into
// conformance/oracle/build when its classes are missing or older than the
// sources (javac needed then). RHINO_JAR overrides the jar.
func FindOracle() (OracleConfig, error) {
	var cfg OracleConfig
	java, err := exec.LookPath("java")
	if err != nil {
		return cfg, fmt.Errorf("%w: no java on PATH (apt-get install default-jdk-headless)", ErrNoOracle)
	}
	cfg.Java = java
	jars := rhinoJars
	if j := os.Getenv("RHINO_JAR"); j != "" {
		jars = []string{j}
	}
	for _, j := range jars {
		if _, err := os.Stat(j); err == nil {
			cfg.RhinoJar = j
			break
		}
	}
	if cfg.RhinoJar == "" {
		return cfg, fmt.Errorf("%w: no Rhino jar at %s (apt-get install librhino-java, or set RHINO_JAR)", ErrNoOracle, strings.Join(jars, " or "))
	}
	src := filepath.Join(Dir(), "oracle")
	cfg.Classes = filepath.Join(src, "build")
	if err := buildOracle(src, cfg.Classes, cfg.RhinoJar); err != nil {
		return cfg, err
	}
	cfg.Timeout = 5 * time.Second
	return cfg, nil
}

// buildOracle compiles the runner when a source is newer than its class.
func buildOracle(src, out, jar string) error {
	sources, _ := filepath.Glob(filepath.Join(src, "*.java"))
	if len(sources) == 0 {
		return fmt.Errorf("%w: no Java sources in %s", ErrNoOracle, src)
	}
	stale := false
	class, err := os.Stat(filepath.Join(out, "journeyjs", "oracle", "Oracle.class"))
	if err != nil {
		stale = true
	} else {
		for _, s := range sources {
			if fi, err := os.Stat(s); err == nil && fi.ModTime().After(class.ModTime()) {
				stale = true
			}
		}
	}
	if !stale {
		return nil
	}
	javac, err := exec.LookPath("javac")
	if err != nil {
		return fmt.Errorf("%w: the runner is not built and there is no javac (apt-get install default-jdk-headless)", ErrNoOracle)
	}
	args := append([]string{"-Xlint:-options", "--release", "11", "-encoding", "UTF-8", "-cp", jar, "-d", out}, sources...)
	cmd := exec.Command(javac, args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("javac: %v\n%s", err, b)
	}
	return nil
}

// Oracle is a running oracle process. Eval may be called from one goroutine
// at a time (a mutex serialises callers).
type Oracle struct {
	mu      sync.Mutex
	cmd     *exec.Cmd
	in      io.WriteCloser
	out     *bufio.Reader
	Version string // Rhino's implementation version
}

// StartOracle starts the runner with TZ=UTC and an en-US locale.
func StartOracle(cfg OracleConfig) (*Oracle, error) {
	cp := cfg.RhinoJar + string(os.PathListSeparator) + cfg.Classes
	ms := cfg.Timeout.Milliseconds()
	if ms <= 0 {
		ms = 5000
	}
	cmd := exec.Command(cfg.Java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
		"-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8",
		"-cp", cp, "journeyjs.oracle.Oracle", "-timeout-ms", fmt.Sprint(ms))
	cmd.Env = append(os.Environ(), "TZ=UTC")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoOracle, err)
	}
	o := &Oracle{cmd: cmd, in: in, out: bufio.NewReaderSize(outPipe, 1<<16)}
	line, err := o.out.ReadBytes('\n')
	if err != nil {
		o.Close()
		return nil, fmt.Errorf("%w: the runner did not start: %v", ErrNoOracle, err)
	}
	var ready struct {
		Kind  string `json:"kind"`
		Rhino string `json:"rhino"`
	}
	if json.Unmarshal(line, &ready) != nil || ready.Kind != "ready" {
		o.Close()
		return nil, fmt.Errorf("%w: unexpected first line %q", ErrNoOracle, line)
	}
	o.Version = ready.Rhino
	return o, nil
}

// Eval runs one script and returns the oracle's answer.
func (o *Oracle) Eval(name, source string) (Answer, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	name = strings.NewReplacer("\n", " ", "\r", " ").Replace(name)
	if _, err := fmt.Fprintf(o.in, "%d %s\n%s", len(source), name, source); err != nil {
		return Answer{}, fmt.Errorf("oracle: write: %w", err)
	}
	line, err := o.out.ReadBytes('\n')
	if err != nil {
		return Answer{}, fmt.Errorf("oracle: read: %w", err)
	}
	var a Answer
	if err := json.Unmarshal(line, &a); err != nil {
		return Answer{}, fmt.Errorf("oracle: bad answer %q: %w", line, err)
	}
	return a, nil
}

// Close stops the process.
func (o *Oracle) Close() error {
	o.in.Close()
	done := make(chan error, 1)
	go func() { done <- o.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		o.cmd.Process.Kill()
		return <-done
	}
}
