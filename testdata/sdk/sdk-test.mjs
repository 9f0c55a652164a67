// Drives `journeyjs journey serve` with the ForgeRock JavaScript SDK
// (@forgerock/javascript-sdk, FRAuth.next) through the bundled
// InteractiveLogin journey (testdata/journeys/interactive-login.journey.json):
// a page with a NameCallback and a PasswordCallback, then a Scripted Decision
// node that sends its own callbacks (a TextOutputCallback and a
// PasswordCallback for a one-time code).
//
//   node sdk-test.mjs http://127.0.0.1:PORT
//
// Run by cmd/journeyjs/sdk_test.go (make test). Prints one line per check
// and "sdk: N passed, 0 failed"; exits 1 on the first failed check.
import assert from 'node:assert/strict';
import { CallbackType, Config, FRAuth, StepType } from '@forgerock/javascript-sdk';

const base = process.argv[2];
if (!base) {
  console.error('usage: node sdk-test.mjs http://127.0.0.1:PORT');
  process.exit(2);
}

// The SDK is written for browsers, but FRAuth.next needs only fetch, which
// Node 20 has: no window, document or localStorage shim is needed for the
// authentication calls made here (checked with SDK 4.9.1 on Node 20). Token
// storage and redirects (TokenManager, FRUser) would need them; this test
// does not use them.
Config.set({
  serverConfig: { baseUrl: `${base}/am/`, timeout: 10000 },
  realmPath: 'alpha',
  tree: 'InteractiveLogin',
});

let passed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}\n${e.stack || e}`);
    console.log(`sdk: ${passed} passed, 1 failed`);
    process.exit(1);
  }
}

// signIn answers the page and returns the step after it.
async function signIn(password) {
  const step = await FRAuth.next();
  assert.equal(step.type, StepType.Step);
  assert.equal(step.getHeader(), 'Sign in');
  assert.equal(step.getStage(), 'signIn');
  const name = step.getCallbackOfType(CallbackType.NameCallback);
  assert.equal(name.getPrompt(), 'User Name');
  name.setName('bjensen');
  step.getCallbackOfType(CallbackType.PasswordCallback).setPassword(password);
  return FRAuth.next(step);
}

await check('NameCallback, PasswordCallback, scripted callbacks → LoginSuccess', async () => {
  const step = await signIn('Ch4ng3it!');
  assert.equal(step.type, StepType.Step, JSON.stringify(step.payload));
  assert.deepEqual(step.callbacks.map((c) => c.getType()), ['TextOutputCallback', 'PasswordCallback']);
  const text = step.getCallbackOfType(CallbackType.TextOutputCallback);
  assert.equal(text.getMessage(), 'Hello bjensen, enter the one-time code we sent you');
  const code = step.getCallbackOfType(CallbackType.PasswordCallback);
  assert.equal(code.getPrompt(), 'One-time code');
  code.setPassword('424242');
  const end = await FRAuth.next(step);
  assert.equal(end.type, StepType.LoginSuccess, JSON.stringify(end.payload));
  assert.ok(end.getSessionToken(), 'a tokenId');
  assert.equal(end.getRealm(), '/alpha');
  assert.equal(end.getSuccessUrl(), '/enduser/?realm=/alpha');
  console.log(`     tokenId ${end.getSessionToken()}`);
});

await check('wrong password → LoginFailure (401, Login failure)', async () => {
  const end = await signIn('wrong');
  assert.equal(end.type, StepType.LoginFailure, JSON.stringify(end.payload));
  assert.equal(end.getCode(), 401);
  assert.equal(end.getMessage(), 'Login failure');
  assert.equal(end.getReason(), 'Unauthorized');
});

await check('wrong one-time code → LoginFailure', async () => {
  const step = await signIn('Ch4ng3it!');
  step.getCallbackOfType(CallbackType.PasswordCallback).setPassword('000000');
  const end = await FRAuth.next(step);
  assert.equal(end.type, StepType.LoginFailure, JSON.stringify(end.payload));
});

console.log(`sdk: ${passed} passed, 0 failed`);
// The SDK's request timeouts (serverConfig.timeout) stay armed after the
// answers: exit now rather than wait for them.
process.exit(0);
