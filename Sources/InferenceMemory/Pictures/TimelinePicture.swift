import Harness

/// The `inference-timeline` picture: live activation bytes over one forward pass, naive
/// against ping-pong, from the instrumented runs in `InferenceTimeline`.
enum TimelinePicture {
  static let picture = Picture(
    "inference-timeline",
    caption:
      "Live activation memory after each layer of a \(InferenceTimeline.widths.count - 1)-layer "
      + "MLP: a new buffer per layer grows a staircase; two reused buffers stay flat.",
    svg: { svg() }, terminal: { terminal(color: $0) })

  /// Labels under the samples: the input, each layer, and the end after the frees.
  private static var labels: [String] {
    ["in"] + (1..<InferenceTimeline.widths.count).map(String.init) + ["end"]
  }

  static func terminal(color: Bool) -> String {
    let (naive, pingPong) = InferenceTimeline.runs
    let top = max(naive.peakBytes, pingPong.peakBytes)
    func line(_ name: String, _ run: TimelineRun, code: Int) -> String {
      let bars = String(run.samples.map { PictureDrawing.block($0, maximum: top) })
      return name + PictureDrawing.paint(bars, code: code, color: color) + "  peak "
        + FigureFormatting.bytes(run.peakBytes) + ", \(run.allocations) allocations"
    }
    return [
      "live activation bytes after each layer (same scale)",
      line("naive      ", naive, code: 31),
      line("ping-pong  ", pingPong, code: 34),
      "           in \u{2192} layer \(InferenceTimeline.widths.count - 1) \u{2192} freed",
    ].joined(separator: "\n")
  }

  static func svg() -> String {
    let (naive, pingPong) = InferenceTimeline.runs
    let (width, height) = (680, 340)
    let (left, right, top, bottom) = (80.0, 20.0, 70.0, 50.0)
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let steps = max(naive.samples.count, 1)
    let peak = Double(max(naive.peakBytes, pingPong.peakBytes, 1))
    func x(_ step: Int) -> Double { left + plotWidth * Double(step) / Double(steps) }
    func y(_ bytes: Int) -> Double { top + plotHeight * (1 - Double(bytes) / peak) }
    func area(_ run: TimelineRun, fill: String) -> String {
      var points = ["\(PictureDrawing.number(x(0))),\(PictureDrawing.number(y(0)))"]
      for (step, bytes) in run.samples.enumerated() {
        points.append("\(PictureDrawing.number(x(step))),\(PictureDrawing.number(y(bytes)))")
        points.append("\(PictureDrawing.number(x(step + 1))),\(PictureDrawing.number(y(bytes)))")
      }
      points.append("\(PictureDrawing.number(x(run.samples.count))),\(PictureDrawing.number(y(0)))")
      return "<polygon points=\"\(points.joined(separator: " "))\" fill=\"\(fill)\" "
        + "fill-opacity=\"0.35\" stroke=\"\(fill)\" stroke-width=\"1.5\"/>"
    }
    var body = [
      PictureDrawing.text(
        "Live activation memory during one forward pass", x: left, y: 24, size: 15,
        weight: "bold"),
      PictureDrawing.text(
        "naive: a new buffer per layer, all kept (peak \(FigureFormatting.bytes(naive.peakBytes)), "
          + "\(naive.allocations) allocations)", x: left + 14, y: 44,
        fill: PictureDrawing.palette[3]),
      PictureDrawing.text(
        "ping-pong: two buffers of the widest layer (peak "
          + "\(FigureFormatting.bytes(pingPong.peakBytes)), \(pingPong.allocations) allocations)",
        x: left + 14, y: 60, fill: PictureDrawing.palette[0]),
      "<rect x=\"\(PictureDrawing.number(left))\" y=\"35\" width=\"9\" height=\"9\" fill=\"\(PictureDrawing.palette[3])\"/>",
      "<rect x=\"\(PictureDrawing.number(left))\" y=\"51\" width=\"9\" height=\"9\" fill=\"\(PictureDrawing.palette[0])\"/>",
      area(naive, fill: PictureDrawing.palette[3]),
      area(pingPong, fill: PictureDrawing.palette[0]),
      "<line x1=\"\(PictureDrawing.number(left))\" y1=\"\(PictureDrawing.number(top + plotHeight))\" "
        + "x2=\"\(PictureDrawing.number(left + plotWidth))\" y2=\"\(PictureDrawing.number(top + plotHeight))\" stroke=\"#444\"/>",
      "<line x1=\"\(PictureDrawing.number(left))\" y1=\"\(PictureDrawing.number(top))\" "
        + "x2=\"\(PictureDrawing.number(left))\" y2=\"\(PictureDrawing.number(top + plotHeight))\" stroke=\"#444\"/>",
    ]
    for fraction in [0.0, 0.5, 1.0] {
      let bytes = Int(peak * fraction)
      body.append(
        PictureDrawing.text(
          FigureFormatting.bytes(bytes), x: left - 6, y: y(bytes) + 4, size: 11, anchor: "end"))
    }
    for (step, label) in labels.enumerated() where step < steps {
      body.append(
        PictureDrawing.text(
          label, x: (x(step) + x(step + 1)) / 2, y: top + plotHeight + 16, size: 10,
          anchor: "middle"))
    }
    body.append(
      PictureDrawing.text(
        "after the input, each layer, and the final frees", x: left + plotWidth / 2,
        y: top + plotHeight + 36, size: 11, anchor: "middle", fill: "#555"))
    return PictureDrawing.document(
      width: width, height: height, title: "Naive forward against ping-pong", body: body)
  }
}
