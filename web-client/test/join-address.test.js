import test from 'node:test';
import assert from 'node:assert/strict';
import { hostInitial, hostAction, pickJoinHost, joinAddressLabel, joinUrlParts } from '../static/js/host/state.js';
import { isolate } from '../static/js/shared/present.js';

const addresses = [
  { host: '192.168.1.20', interfaceName: 'wlp2s0', url: 'http://192.168.1.20:8080' },
  { host: '10.20.30.40', interfaceName: 'enp0s31f6', url: 'http://10.20.30.40:8080' },
];
const setupScreen = () => hostAction(hostInitial(), { type: 'newGame' });

test('the setup screen picks the address this browser picked last, else the server’s best', () => {
  assert.equal(pickJoinHost(addresses, '10.20.30.40'), '10.20.30.40');
  assert.equal(pickJoinHost(addresses, '172.17.0.1'), '192.168.1.20', 'an address the server no longer has');
  assert.equal(pickJoinHost(addresses, null), '192.168.1.20');
  assert.equal(pickJoinHost([], '10.20.30.40'), null);
  assert.equal(pickJoinHost(undefined, null), null);
});

test('the join addresses are kept with the setup screen, and the teacher’s pick replaces the default', () => {
  let s = hostAction(setupScreen(), { type: 'joinAddresses', addresses, remembered: null });
  assert.deepEqual(s.setup.joinAddresses, addresses);
  assert.equal(s.setup.joinHost, '192.168.1.20');
  s = hostAction(s, { type: 'pickJoinHost', host: '10.20.30.40' });
  assert.equal(s.setup.joinHost, '10.20.30.40');
  assert.equal(hostAction(s, { type: 'pickJoinHost', host: 'evil.example' }).setup.joinHost, '192.168.1.20',
    'only an address the server offered');
  s = hostAction(hostAction(s, { type: 'created', session: { pin: '123456', hostToken: 't' } }), { type: 'newGame' });
  assert.equal(s.setup.joinHost, '10.20.30.40', 'the next game starts from the same pick');
});

test('a join address is named by its URL and its network interface', () => {
  assert.equal(joinAddressLabel(addresses[1]), 'http://10.20.30.40:8080 (enp0s31f6)');
  assert.equal(joinAddressLabel({ host: 'quiz.example', interfaceName: null, url: 'https://quiz.example' }),
    'https://quiz.example');
});

test('the join URL is split before its PIN, so that it never breaks inside it', () => {
  assert.deepEqual(joinUrlParts('http://192.168.1.20:8080/join/994877'),
    { base: 'http://192.168.1.20:8080/join/', pin: '994877' });
  assert.deepEqual(joinUrlParts('http://x/elsewhere'), { base: 'http://x/elsewhere', pin: '' });
  assert.deepEqual(joinUrlParts(null), { base: '', pin: '' });
});

test('a name inside a sentence is isolated from its direction', () => {
  assert.equal(isolate('שרה'), '\u2068שרה\u2069');
  assert.equal(isolate(null), '\u2068\u2069');
});
