// Package journey walks a PingOne Advanced Identity Cloud (or PingAM) journey
// export the way the authentication tree engine would, running every
// Scripted Decision node's next-generation script on the journeyjs runtime
// and simulating the few other node types whose behaviour is simple and
// documented.
//
// # Exports
//
// Read understands the JSON that the tenant's admin UI and frodo write for
// one or several journeys:
//
//	{"meta": {...}, "trees": {"Login": {"tree": {...}, "nodes": {...},
//	  "innerNodes": {...}, "scripts": {...}, "emailTemplates": {...}, ...}}}
//
// and the older single-tree form where tree, nodes, innerNodes and scripts sit
// at the top level. tree holds _id, entryNodeId, identityResource and nodes:
// node id → {nodeType, displayName, connections: {outcome: node id}}; nodes
// and innerNodes hold each node's configuration (_type._id, script,
// outcomes, tree, nodes of a page …); scripts hold the scripts by _id. A
// script's text may be base64 (the REST form), a JSON string literal (older
// frodo), an array of lines (frodo 2) or plain text, and "file://path" names
// a file beside the export (frodo --extract). A script whose evaluatorVersion
// is "1.0" is a legacy script and is refused, unless the answers file decides
// its node: journeyjs runs next-generation scripts only. A script without
// evaluatorVersion is taken for a next-generation one. Scripts of context
// LIBRARY are registered as library scripts under their name, so
// require("name") finds them.
//
// The static nodes are AM's: Success is 70e691a5-1e33-4ac3-a356-e7b6d60d92e0
// and Failure is e301438c-0bd0-429c-ab0c-66126501069a.
//
// # The walk
//
// The walk starts at entryNodeId and follows, from each node, the
// connection of the outcome the node took, until it reaches Success or
// Failure. Shared and transient state are carried from node to node. AM
// drops transient state between requests but keeps what a later node asks
// for in secure state, which nodeState.get reads too; a walk is one
// uninterrupted run, so transient values simply stay until a node removes
// them.
//
// Node types:
//
//   - DeviceMatchNode runs its script in the device-match context, as a
//     ScriptedDecisionNode does in its own.
//   - ConfigProviderNode runs its script in the config-provider context and
//     then evaluates the node it stands for (its nodeType setting) with the
//     script's config object as that node's configuration; a script that
//     fails or leaves no config takes CONFIGURATION_FAILED.
//   - ScriptedDecisionNode runs its script; the outcome is what the script
//     passed to action.goTo.
//   - PageNode evaluates its children in order (from innerNodes); its
//     outcome is the outcome of its last child.
//   - UsernameCollectorNode and ValidatedUsernameNode put the answers file's
//     username in shared state "username" (ValidatedUsernameNode also in
//     objectAttributes under its usernameAttribute, default userName);
//     PasswordCollectorNode and ValidatedPasswordNode put the password in
//     transient state "password" (ValidatedPasswordNode also in transient
//     objectAttributes.password). Outcome "outcome".
//   - DataStoreDecisionNode looks the username up in the identity resource
//     (the tree's identityResource, else managed/<realm>_user) on the IDM
//     back end, by userName, and compares the object's password field with
//     the password, as stored in the IDM fixtures (clear text). Outcomes
//     true / false. IdentityStoreDecisionNode makes the same check, with
//     outcomes TRUE / FALSE.
//   - IdentifyExistingUserNode finds the one object whose identityAttribute
//     (default userName) equals objectAttributes[identityAttribute], else
//     the shared username; on a match it puts the object's _id in shared
//     state "_id" and, when the object has the identifier attribute (default
//     userName), that value in shared "username" and objectAttributes.
//     Outcomes true / false.
//   - InnerTreeEvaluatorNode walks the tree named by its tree setting, from
//     the same export, with the same state; the inner Success and Failure
//     become its true and false outcomes.
//
// An answers file can give any node (by id or display name) an outcome and
// state to merge; such a node is not simulated and its script, if any, is
// not run. Any other node type without an answer stops the walk with an
// error naming its type, id and display name.
//
// A walk is bounded by a number of node visits (inner trees included); a
// walk that exceeds it fails and shows the loop it was going round.
package journey
