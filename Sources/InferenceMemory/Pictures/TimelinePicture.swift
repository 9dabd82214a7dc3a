import Drawing
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
      let bars = String(run.samples.map { TerminalDrawing.sparkBlock($0, maximum: top) })
      return name + TerminalDrawing.paint(bars, code, color: color) + "  peak "
        + FigureText.bytes(run.peakBytes) + ", \(run.allocations) allocations"
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
    let (width, height) = (680.0, 340.0)
    let (left, right, top, bottom) = (80.0, 20.0, 70.0, 50.0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let steps = max(naive.samples.count, 1)
    let peak = Double(max(naive.peakBytes, pingPong.peakBytes, 1))
    func x(_ step: Int) -> Double { left + plotWidth * Double(step) / Double(steps) }
    func y(_ bytes: Int) -> Double { top + plotHeight * (1 - Double(bytes) / peak) }
    var canvas = SVGCanvas(width: width, height: height, style: .weighted)
    func area(_ run: TimelineRun, fill: String) {
      var points = [(x(0), y(0))]
      for (step, bytes) in run.samples.enumerated() {
        points += [(x(step), y(bytes)), (x(step + 1), y(bytes))]
      }
      points.append((x(run.samples.count), y(0)))
      canvas.polygon(points, fill: fill, opacity: 0.35, stroke: fill, strokeWidth: 1.5)
    }
    let (naiveColour, pingPongColour) = (Palette.categorical[3], Palette.categorical[0])
    canvas.text(
      "Live activation memory during one forward pass", x: left, y: 24, size: 15, bold: true)
    canvas.text(
      "naive: a new buffer per layer, all kept (peak \(FigureText.bytes(naive.peakBytes)), "
        + "\(naive.allocations) allocations)", x: left + 14, y: 44, fill: naiveColour)
    canvas.text(
      "ping-pong: two buffers of the widest layer (peak "
        + "\(FigureText.bytes(pingPong.peakBytes)), \(pingPong.allocations) allocations)",
      x: left + 14, y: 60, fill: pingPongColour)
    canvas.rect(x: left, y: 35, width: 9, height: 9, fill: naiveColour)
    canvas.rect(x: left, y: 51, width: 9, height: 9, fill: pingPongColour)
    area(naive, fill: naiveColour)
    area(pingPong, fill: pingPongColour)
    canvas.line(
      x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: "#444")
    canvas.line(x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: "#444")
    for fraction in [0.0, 0.5, 1.0] {
      let bytes = Int(peak * fraction)
      canvas.text(
        FigureText.bytes(bytes), x: left - 6, y: y(bytes) + 4, size: 11, anchor: "end")
    }
    for (step, label) in labels.enumerated() where step < steps {
      canvas.text(
        label, x: (x(step) + x(step + 1)) / 2, y: top + plotHeight + 16, size: 10,
        anchor: "middle")
    }
    canvas.text(
      "after the input, each layer, and the final frees", x: left + plotWidth / 2,
      y: top + plotHeight + 36, size: 11, anchor: "middle", fill: "#555")
    return canvas.document(title: "Naive forward against ping-pong")
  }
}
