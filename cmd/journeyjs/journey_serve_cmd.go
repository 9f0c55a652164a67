package main

import (
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server/httpfront"
	"github.com/journeyjs/journeyjs/server/journeyserver"
)

type journeyServeFlags struct {
	fixtures    string
	addr        string
	cookieName  string
	realm       string
	authIDLife  time.Duration
	maxSessions int
	maxBody     int64
	maxSteps    int
	timeout     time.Duration
	grace       time.Duration
	language    runtime.Language
}

func newJourneyServeCmd() *cobra.Command {
	var f journeyServeFlags
	cmd := &cobra.Command{
		Use:   "serve DIR",
		Short: "Serve the journeys of DIR over AM's authentication REST API (/json/authenticate)",
		Long: `Serve the journeys of the exports in DIR (every *.json file; or one export
file) as AM serves them, so a login UI, the ForgeRock SDKs or curl can walk
them against journeyjs:

  POST /am/json/realms/root/realms/REALM/authenticate?authIndexType=service&authIndexValue=JOURNEY
  (also without /am, as the SDKs build it from their base URL)

A body without authId starts the journey; the answer is {authId, callbacks}
when a node needs the client (collectors and page nodes, Scripted Decision
passes that send callbacks). Post it back with the callbacks' inputs filled
to go on. The end answers {tokenId, successUrl, realm} with the session
cookie, or 401 {"code":401,"reason":"Unauthorized","message":"Login failure"}.
authIds are signed with a key drawn at start and expire (--authid-lifetime).

The fixtures are the world every journey runs in (IDM users, ESVs, secrets…),
shared by all clients as a tenant's is. Also GET /healthz and GET /metrics.
SIGINT or SIGTERM stops accepting connections, lets requests finish, exits.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return journeyServe(cmd, args[0], f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.fixtures, "fixtures", "", "fixtures file (YAML or JSON): the world the journeys run in")
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringVar(&f.cookieName, "cookie-name", journeyserver.DefaultCookieName, "name of the session cookie set on success")
	fl.StringVar(&f.realm, "realm", journeyserver.DefaultRealm, "realm of the journeys, as the URL names it (root for the root realm)")
	fl.DurationVar(&f.authIDLife, "authid-lifetime", journeyserver.DefaultAuthIDLifetime, "how long an authId is good for (and a journey waits for its client)")
	fl.IntVar(&f.maxSessions, "max-sessions", journeyserver.DefaultMaxSessions, "most journeys in progress at once (503 beyond)")
	fl.Int64Var(&f.maxBody, "max-body", httpfront.DefaultMaxBodyBytes, "largest request body in bytes (413 beyond)")
	fl.IntVar(&f.maxSteps, "max-steps", 0, "most node visits of one journey (0: the walker's default)")
	fl.DurationVar(&f.timeout, "timeout", runtime.DefaultTimeout, "time limit for each script")
	fl.DurationVar(&f.grace, "grace", 30*time.Second, "how long shutdown waits for requests in progress (0: as long as they take)")
	registerLanguage(fl, &f.language)
	return cmd
}

func journeyServe(cmd *cobra.Command, dir string, f journeyServeFlags) error {
	exps, warnings, err := journeyserver.Load(dir)
	for _, w := range warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "journeyjs:", w)
	}
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	// --realm here names the URL's realm; the fixtures' realm is replaced.
	env, err := worldFlags{fixtures: f.fixtures}.build(cmd.Context())
	if err != nil {
		return err
	}
	defer env.Close()
	srv, err := journeyserver.New(exps, journeyserver.Options{
		Realm:          f.realm,
		CookieName:     f.cookieName,
		AuthIDLifetime: f.authIDLife,
		MaxSessions:    f.maxSessions,
		MaxBodyBytes:   f.maxBody,
		MaxSteps:       f.maxSteps,
		Engine:         runtime.Options{Timeout: f.timeout, Language: f.language},
		Input:          env.Input,
	})
	if err != nil {
		return &exitError{code: exitFailed, err: err}
	}
	path := "/am/json/realms/root/realms/" + srv.Realm() + "/authenticate"
	if srv.Realm() == "root" {
		path = "/am/json/realms/root/authenticate"
	}
	return serveUntilSignal(cmd, srv, f.addr, f.grace, func(a net.Addr) string {
		return fmt.Sprintf("serving %d journeys (%v) of realm %s on http://%s%s", len(srv.Journeys()), srv.Journeys(), srv.Realm(), a, path)
	})
}
