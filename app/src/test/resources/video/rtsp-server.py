# A real RTSP server (GStreamer's gst-rtsp-server) serving an H.264 MPEG-TS clip, for the video tests
# and the recording benchmark. RTSP over TCP (interleaved) works, as cameras do it.
# Usage: /usr/bin/python3 rtsp-server.py PORT CLIP PATH [PATH...]   (prints "ready" once listening)
import sys
import gi
gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import Gst, GstRtspServer, GLib

Gst.init(None)
port, clip, paths = sys.argv[1], sys.argv[2], sys.argv[3:] or ['/cam1']
server = GstRtspServer.RTSPServer()
server.set_service(port)
for path in paths:
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(f'( filesrc location={clip} ! tsdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )')
    factory.set_shared(True)
    server.get_mount_points().add_factory(path, factory)
if server.attach(None) == 0:
    print("could not listen on port " + port, flush=True)
    sys.exit(1)
print("ready", flush=True)
GLib.MainLoop().run()
