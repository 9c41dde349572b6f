// Reads an ONVIF device's profiles and stream addresses with agsh/onvif, an ONVIF client independent
// of SafeCity, and prints them as JSON: {"profiles":[{"token","name","width","height","uri"}]} or
// {"error": "..."}. Usage: node check.js http://host:port/onvif/device_service username password
'use strict';
const { Cam } = require('onvif');

const [address, username, password] = process.argv.slice(2);
const url = new URL(address);
const done = (result) => {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
};
setTimeout(() => done({ error: 'timed out' }), 20000).unref();

new Cam({
  hostname: url.hostname,
  port: Number(url.port || 80),
  path: url.pathname,
  username,
  password,
  timeout: 10000,
  preserveAddress: true,
  autoconnect: true,
}, function connected(err) {
  if (err) {
    return done({ error: String(err.message || err) });
  }
  const profiles = this.profiles || [];
  const out = [];
  const next = (i) => {
    if (i >= profiles.length) {
      return done({ profiles: out });
    }
    const p = profiles[i];
    this.getStreamUri({ protocol: 'RTSP', profileToken: p.$.token }, (e, stream) => {
      if (e) {
        return done({ error: String(e.message || e) });
      }
      const r = p.videoEncoderConfiguration && p.videoEncoderConfiguration.resolution;
      out.push({ token: p.$.token, name: p.name, width: r ? Number(r.width) : 0, height: r ? Number(r.height) : 0, uri: stream.uri });
      next(i + 1);
    });
  };
  next(0);
});
