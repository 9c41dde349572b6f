# A real RTSP server (GStreamer's gst-rtsp-server) serving an H.264 MPEG-TS clip, for the video tests
# and the recording benchmark. RTSP over TCP (interleaved) works, as cameras do it.
# Usage: /usr/bin/python3 rtsp-server.py PORT CLIP PATH [PATH...]   (prints "ready" once listening)
# CLIP may be rtp:UDP-PORT instead of a file: a live H.264 RTP stream arriving there (a camera whose
# picture is made as it is sent, as the latency measurement's clock camera is) is served as it comes.
# With RTSP_AUTH=stdin every path requires the username and password given on the first two lines of
# standard input (Basic authentication); never in arguments or environment, where other processes could read them.
import os
import sys
import gi
gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import Gst, GstRtspServer, GLib

Gst.init(None)
port, clip, paths = sys.argv[1], sys.argv[2], sys.argv[3:] or ['/cam1']
server = GstRtspServer.RTSPServer()
server.set_service(port)
user = password = None
if os.environ.get('RTSP_AUTH') == 'stdin':
    user, password = sys.stdin.readline().rstrip('\n'), sys.stdin.readline().rstrip('\n')
if user:
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string('media.factory.role', 'viewer')
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    server.set_auth(auth)
for path in paths:
    factory = GstRtspServer.RTSPMediaFactory()
    if clip.startswith('rtp:'):
        caps = 'application/x-rtp,media=video,encoding-name=H264,clock-rate=90000,payload=96'
        factory.set_launch(f'( udpsrc port={clip[4:]} caps="{caps}" ! rtph264depay ! h264parse config-interval=-1 '
                           '! rtph264pay name=pay0 pt=96 )')
    else:
        factory.set_launch(f'( filesrc location={clip} ! tsdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )')
    factory.set_shared(True)
    if user:
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role('viewer', 'media.factory.access', True)
        permissions.add_permission_for_role('viewer', 'media.factory.construct', True)
        factory.set_permissions(permissions)
    server.get_mount_points().add_factory(path, factory)
if server.attach(None) == 0:
    print("could not listen on port " + port, flush=True)
    sys.exit(1)
print("ready", flush=True)
GLib.MainLoop().run()
