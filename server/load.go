package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// Load reads a directory of scripts:
//
//   - DIR/NAME.js is a decision script, evaluated as NAME (the URL's
//     {name}; "NAME.js" is accepted too and names the same script).
//   - DIR/NAME.fixtures.yaml (or .yml, .json), when present, is that
//     script's fixtures: the world each evaluation runs in, built afresh for
//     every request. Its libraries: section adds library scripts for that
//     script only.
//   - DIR/lib/LIB.js is a library script every script can require("LIB").
//
// Every script and library is compiled now; a syntax error or a bad fixtures
// file fails Load with the file and position.
func Load(dir string, opts Options) (*Server, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("scripts directory: %w", err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil {
		return nil, err
	}
	entries := make(map[string]*Entry, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		base := filepath.Base(p)
		name := strings.TrimSuffix(base, ".js")
		e := &Entry{Script: runtime.Script{Name: base, Source: string(src)}}
		for _, ext := range []string{".fixtures.yaml", ".fixtures.yml", ".fixtures.json"} {
			fp := filepath.Join(dir, name+ext)
			if _, err := os.Stat(fp); err != nil {
				continue
			}
			if e.Fixtures, err = fixtures.Load(fp); err != nil {
				return nil, err
			}
			break
		}
		entries[name] = e
	}

	libs, err := filepath.Glob(filepath.Join(dir, "lib", "*.js"))
	if err != nil {
		return nil, err
	}
	libSources := make(map[string]string, len(libs))
	for _, p := range libs {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		libSources[strings.TrimSuffix(filepath.Base(p), ".js")] = string(src)
	}
	s, err := New(entries, opts)
	if err != nil {
		return nil, err
	}
	for name, src := range libSources {
		// Compiles the library now, so a syntax error names its position.
		if err := s.eng.RegisterLibrary(name, src); err != nil {
			s.Close()
			return nil, fmt.Errorf("library %s: %w", filepath.Join(dir, "lib", name+".js"), err)
		}
	}
	return s, nil
}
