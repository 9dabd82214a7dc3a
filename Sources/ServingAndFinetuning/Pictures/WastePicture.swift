import Drawing
import Harness

/// The `kv-waste` picture: reserved, allocated and used slots over the lesson's trace.
enum WastePicture: PictureDrawing {
  static let id = "kv-waste"
  static let caption =
    "Token slots over the lesson's seeded trace of 200 requests: reserved by contiguous preallocation for the maximum length, allocated by paging in blocks of 16, and actually holding a token. Paging follows the tokens within one partial block per sequence; contiguous reservations stay at the maximum."

  /// (step, reserved, allocated, used) at up to `points` evenly spaced events.
  static func series(points: Int = 320) -> [(Double, Double, Double, Double)] {
    let samples = TraceReplay.lesson.samples
    guard !samples.isEmpty else { return [] }
    let stride = Swift.max(1, samples.count / points)
    return Swift.stride(from: 0, to: samples.count, by: stride).map { index in
      let sample = samples[index]
      return (
        Double(index), Double(sample.contiguousSlots), Double(sample.pagedSlots),
        Double(sample.tokens)
      )
    }
  }

  static let colors = ["#b5524a", "#4a7ab5", "#222222"]

  static func svg() -> String {
    let data = series()
    let (left, top, width, height) = (70.0, 30.0, 580.0, 220.0)
    let maxX = data.last?.0 ?? 1
    let maxY = data.map(\.1).max() ?? 1
    var canvas = SVGCanvas(width: 680, height: 310, style: .helvetica)
    func point(_ x: Double, _ y: Double) -> (Double, Double) {
      (left + x / maxX * width, top + height - y / maxY * height)
    }
    canvas.line(x1: left, y1: top + height, x2: left + width, y2: top + height, stroke: "#555")
    canvas.line(x1: left, y1: top, x2: left, y2: top + height, stroke: "#555")
    canvas.polyline(data.map { point($0.0, $0.1) }, stroke: colors[0])
    canvas.polyline(data.map { point($0.0, $0.2) }, stroke: colors[1])
    canvas.polyline(data.map { point($0.0, $0.3) }, stroke: colors[2], width: 1)
    canvas.text(FigureText.grouped(Int(maxY)), x: left - 6, y: top + 4, size: 11, anchor: "end")
    canvas.text("0", x: left - 6, y: top + height + 4, size: 11, anchor: "end")
    canvas.text("token slots", x: 8, y: 18, size: 12)
    canvas.text(
      "events of the trace →", x: left + width / 2, y: top + height + 20, size: 12,
      anchor: "middle")
    let labels = [
      "reserved, contiguous (max. length)", "allocated, paged (blocks of 16)", "holding a token",
    ]
    for (index, label) in labels.enumerated() {
      let x = left + Double(index) * 200
      canvas.rect(x: x, y: 284, width: 14, height: 4, fill: colors[index])
      canvas.text(label, x: x + 20, y: 290, size: 11)
    }
    return canvas.document(title: caption)
  }

  static func terminal(color: Bool) -> String {
    let data = series()
    let maxX = data.last?.0 ?? 1
    let maxY = data.map(\.1).max() ?? 1
    let reserved = TerminalDrawing.braille(
      data.map { ($0.0, $0.1) }, x: 0...maxX, y: 0...maxY, columns: 64, rows: 6)
    let paged = TerminalDrawing.braille(
      data.flatMap { [($0.0, $0.2), ($0.0, $0.3)] }, x: 0...maxX, y: 0...maxY, columns: 64,
      rows: 6)
    var lines = ["token slots over the trace (top: \(FigureText.grouped(Int(maxY))))"]
    for (top, bottom) in zip(reserved, paged) {
      // Overlay: a dot from either plot shows; colour says which plot has it.
      let merged = zip(top, bottom).map { upper, lower -> String in
        let a = upper.unicodeScalars.first?.value ?? 0x2800
        let b = lower.unicodeScalars.first?.value ?? 0x2800
        let cell = String(Character(Unicode.Scalar(a | b) ?? " "))
        return TerminalDrawing.paint(cell, a > 0x2800 ? 31 : 34, color: color && a | b > 0x2800)
      }
      lines.append("│" + merged.joined())
    }
    lines.append("└" + String(repeating: "─", count: 64))
    let replay = TraceReplay.lesson
    lines.append(
      "upper line: reserved by contiguous preallocation (\(FigureText.percent(replay.contiguousWaste)) empty)"
    )
    lines.append(
      "lower lines: allocated by paging and holding tokens (\(FigureText.percent(replay.pagedWaste)) empty)"
    )
    return lines.joined(separator: "\n")
  }
}
