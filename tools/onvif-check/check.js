// Reads an ONVIF device's profiles and stream addresses with agsh/onvif, an ONVIF client independent
// of SafeCity, and prints them as JSON: {"profiles":[{"token","name","width","height","uri"}]} or
// {"error": "..."}. Usage: node check.js http://host:port/onvif/device_service username password
//
// Given a fifth argument, a PTZ profile's token, it steers the device instead: ContinuousMove (pan 0.5,
// tilt -0.25, zoom 0, 2 s), Stop, GetPresets, GotoPreset (the first preset), SetPreset ("Checked") and
// GetPresets again, and prints {"ptz":{"before":[{"token","name"}],"after":[...]}} or {"error": "..."}.
'use strict';
const { Cam } = require('onvif');

const [address, username, password, ptzProfile] = process.argv.slice(2);
const url = new URL(address);
const done = (result) => {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
};
setTimeout(() => done({ error: 'timed out' }), 20000).unref();

function steer(cam) {
  const profileToken = ptzProfile;
  const failed = (e) => done({ error: String(e.message || e) });
  const list = (presets) => Object.keys(presets).map((name) => ({ token: presets[name].$.token, name }));
  cam.continuousMove({ profileToken, x: 0.5, y: -0.25, zoom: 0, timeout: 2000 }, (e) => {
    if (e) return failed(e);
    cam.stop({ profileToken, panTilt: true, zoom: true }, (e2) => {
      if (e2) return failed(e2);
      cam.getPresets({ profileToken }, (e3, before) => {
        if (e3) return failed(e3);
        const first = list(before)[0];
        cam.gotoPreset({ profileToken, preset: first ? first.token : 'none' }, (e4) => {
          if (e4) return failed(e4);
          cam.setPreset({ profileToken, presetName: 'Checked' }, (e5) => {
            if (e5) return failed(e5);
            cam.getPresets({ profileToken }, (e6, after) => {
              if (e6) return failed(e6);
              done({ ptz: { before: list(before), after: list(after) } });
            });
          });
        });
      });
    });
  });
}

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
  if (ptzProfile) {
    return steer(this);
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
