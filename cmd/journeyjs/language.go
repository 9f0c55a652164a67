package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/journeyjs/journeyjs/runtime"
)

// languageFlag is --language: the JavaScript scripts may use.
type languageFlag struct{ l *runtime.Language }

func (f languageFlag) String() string {
	if f.l == nil {
		return runtime.LanguageTenant.String()
	}
	return f.l.String()
}

func (f languageFlag) Set(s string) error {
	l, err := runtime.ParseLanguage(s)
	if err != nil {
		return err
	}
	*f.l = l
	return nil
}

func (languageFlag) Type() string { return "level" }

// registerLanguage adds --language to a command that runs scripts.
func registerLanguage(fl *pflag.FlagSet, l *runtime.Language) {
	fl.Var(languageFlag{l}, "language", "JavaScript the scripts may use: tenant (what AIC's Rhino 1.7.14 compiles; the default) or modern (all of goja's)")
}

// printWarnings writes each warning on its own line after label, with the
// script's file name replaced by path when they name the same file.
func printWarnings(w io.Writer, label, path string, warnings []runtime.Warning) {
	for _, x := range warnings {
		if path != "" && x.File == filepath.Base(path) {
			x.File = path
		}
		fmt.Fprintf(w, "%s%s\n", label, x)
	}
}
