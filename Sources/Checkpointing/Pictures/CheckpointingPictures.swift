import Drawing
import Harness
import Units

/// The pictures of the Checkpointing lesson, drawn from replays metered by an
/// `ActivationStore`, from the schedules' counts (`ScheduleCounts`, proved equal to those
/// replays by the tests) and from the swap cost model's timeline.
public enum CheckpointingPictures {
  /// All pictures of the lesson.
  public static let all: [Picture] = [
    Picture(
      "checkpoint-timeline",
      caption: "Live activations during one training step of a 16-layer chain: store-all, "
        + "segments of √16 = 4, and recompute-all, on one time axis (a forward costs 1, a "
        + "backward 2).",
      svg: { MemoryTimeline.measured().svg() }, terminal: { MemoryTimeline.measured().terminal($0) }
    ),
    Picture(
      "checkpoint-tradeoff",
      caption: "For a 64-layer chain and every segment length K from 1 to 64: the peak of live "
        + "activations (smallest at K = 8 = √64) and the layer forwards recomputed.",
      svg: { TradeoffCurve.counted().svg() }, terminal: { TradeoffCurve.counted().terminal($0) }
    ),
    Picture(
      "swap-timeline",
      caption: "The lesson's four-layer swap example: the compute stream and the host link when "
        + "layer 0's activation is swapped, at 1 MB/ms and at 2 MB/ms.",
      svg: { SwapPicture.example().svg() }, terminal: { SwapPicture.example().terminal($0) }
    ),
  ]
}

/// Live activations against compute time for the three schedules.
struct MemoryTimeline {
  struct Series {
    let name: String
    let colour: String
    let ansi: Int
    /// (time, live activations) after each operation; a forward takes 1, a backward 2.
    let points: [(Double, Int)]
    let peak: Int
    var duration: Double { points.last?.0 ?? 0 }
  }

  let depth: Int
  let series: [Series]

  static func measured(depth: Int = 16) -> MemoryTimeline {
    let length = Int(Double(depth).squareRoot().rounded())
    let runs: [(String, Schedule, String, Int)] = [
      ("store-all", .storeAll, "#c0392b", 160), ("K = \(length)", .segments(length), "#2471a3", 32),
      ("recompute-all", .recomputeAll, "#1e8449", 34),
    ]
    return MemoryTimeline(
      depth: depth,
      series: runs.map { name, schedule, colour, ansi in
        guard let replay = try? schedule.replay(depth: depth) else {
          return Series(name: name, colour: colour, ansi: ansi, points: [], peak: 0)
        }
        var time = 0.0
        var points: [(Double, Int)] = [(0, 0)]
        for sample in replay.store.timeline {
          switch sample.operation {
          case .forward: time += 1
          case .backward: time += 2
          case .input, .free: break
          }
          points.append((time, sample.liveCount))
        }
        return Series(
          name: name, colour: colour, ansi: ansi, points: points, peak: replay.store.peakLiveCount)
      })
  }

  var longest: Double { series.map(\.duration).max() ?? 1 }
  var highest: Int { series.map(\.peak).max() ?? 1 }

  func svg() -> String {
    let (left, right, panel, gap) = (50.0, 20.0, 90.0, 40.0)
    var canvas = SVGCanvas(
      width: 760, height: 50 + Double(series.count) * (panel + gap) + 10, style: .inlineCSS)
    let plotWidth = canvas.width - left - right
    canvas.text(
      "Live activations over one training step, N = \(depth) layers", x: left, y: 22, size: 14,
      bold: true)
    for (index, line) in series.enumerated() {
      let top = 56 + Double(index) * (panel + gap)
      let bottom = top + panel
      let x = { (t: Double) in left + t / longest * plotWidth }
      let y = { (live: Int) in bottom - Double(live) / Double(highest) * panel }
      canvas.line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, stroke: "#888")
      canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#888")
      canvas.line(
        x1: left, y1: y(line.peak), x2: x(line.duration), y2: y(line.peak), stroke: line.colour,
        width: 0.8, dashed: true)
      var steps: [(Double, Double)] = []
      var previous = 0
      for (time, live) in line.points {
        steps.append((x(time), y(previous)))
        steps.append((x(time), y(live)))
        previous = live
      }
      canvas.polyline(steps, stroke: line.colour, fill: "none")
      canvas.text(line.name, x: left + 6, y: top - 4, fill: line.colour, bold: true)
      canvas.text("\(line.peak)", x: left - 8, y: y(line.peak) + 4, size: 11, anchor: "end")
      canvas.text("0", x: left - 8, y: bottom + 4, size: 11, anchor: "end")
      canvas.text(
        "peak \(line.peak) activations, \(Int(line.duration)) time units",
        x: x(line.duration) + 6 > left + plotWidth - 200 ? left + plotWidth : x(line.duration) + 6,
        y: top + 14, size: 11,
        anchor: x(line.duration) + 6 > left + plotWidth - 200 ? "end" : "start")
    }
    canvas.text(
      "time (forward = 1, backward = 2)", x: left + plotWidth / 2, y: canvas.height - 12,
      size: 11, anchor: "middle")
    return canvas.document()
  }

  func terminal(_ color: Bool) -> String {
    let width = 64
    var lines = ["Live activations over one training step, N = \(depth) (time →)"]
    for line in series {
      let columns = max(1, Int((line.duration / longest * Double(width)).rounded(.up)))
      var bins = [Double](repeating: 0, count: columns)
      var previous = 0
      for (time, live) in line.points {
        let column = min(columns - 1, Int(time / line.duration * Double(columns)))
        bins[column] = max(bins[column], Double(max(live, previous)))
        previous = live
      }
      let label = "\(line.name), peak \(line.peak), \(Int(line.duration)) units"
      lines.append(TerminalDrawing.paint256(label, line.ansi, color: color))
      for row in TerminalDrawing.columns(bins, maximum: Double(highest), rows: 3) {
        lines.append("│" + TerminalDrawing.paint256(row, line.ansi, color: color))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Peak activations and recomputed forwards against the segment length K.
struct TradeoffCurve {
  let depth: Int
  let peaks: [Int]
  let extras: [Int]

  /// The counts of segments of every length K = 1 … depth: what replaying each on the store
  /// measures (`ScheduleCountsTests` replays every K at the lesson's depth, 64), without the
  /// 64 replays' forward and backward passes.
  static func counted(depth: Int = 64) -> TradeoffCurve {
    let counts = (1...depth).map { Schedule.segments($0).counts(depth: depth) }
    return TradeoffCurve(
      depth: depth, peaks: counts.map(\.peakLive), extras: counts.map(\.extraForwards))
  }

  /// The segment lengths with the smallest peak (several tie when the last segment is short).
  var best: [Int] {
    let smallest = peaks.min() ?? 0
    return peaks.indices.filter { peaks[$0] == smallest }.map { $0 + 1 }
  }

  /// K = √N rounded, the textbook choice.
  var root: Int { Int(Double(depth).squareRoot().rounded()) }

  private var bestText: String {
    best.count == 1 ? "K = \(best[0])" : "K = \(best[0]) … \(best[best.count - 1])"
  }

  func svg() -> String {
    let (left, right, panel) = (70.0, 20.0, 120.0)
    var canvas = SVGCanvas(width: 760, height: 2 * panel + 140, style: .inlineCSS)
    let plotWidth = canvas.width - left - right
    let barWidth = plotWidth / Double(max(1, peaks.count))
    canvas.text(
      "N = \(depth) layers: what each segment length K costs", x: left, y: 22, size: 14,
      bold: true)
    let panels: [(String, [Int], String, Double)] = [
      ("peak live activations", peaks, "#2471a3", 50),
      ("extra layer forwards", extras, "#ca6f1e", 80 + panel),
    ]
    for (title, values, colour, top) in panels {
      let maximum = Double(values.max() ?? 1)
      let bottom = top + panel
      canvas.line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, stroke: "#888")
      canvas.text(title, x: left + 4, y: top - 6, size: 12, fill: colour, bold: true)
      canvas.text("\(Int(maximum))", x: left - 8, y: top + 4, size: 11, anchor: "end")
      canvas.text("0", x: left - 8, y: bottom + 4, size: 11, anchor: "end")
      for (index, value) in values.enumerated() {
        let height = Double(value) / maximum * panel
        canvas.rect(
          x: left + Double(index) * barWidth + 0.5, y: bottom - height,
          width: max(0.5, barWidth - 1), height: height,
          fill: best.contains(index + 1) ? "#17202a" : colour)
      }
    }
    let marker = left + (Double(root) - 0.5) * barWidth
    canvas.line(
      x1: marker, y1: 50, x2: marker, y2: 80 + 2 * panel, stroke: "#17202a", dashed: true)
    canvas.text(
      "smallest peak \(peaks.min() ?? 0) at \(bestText); at K = √\(depth) = \(root): "
        + "\(extras[root - 1]) extra forwards",
      x: marker + 6, y: 64, size: 11)
    for k in [1, root, depth / 2, depth] {
      canvas.text(
        "\(k)", x: left + (Double(k) - 0.5) * barWidth, y: 80 + 2 * panel + 16, size: 11,
        anchor: "middle")
    }
    canvas.text(
      "segment length K", x: left + plotWidth / 2, y: canvas.height - 14, size: 11,
      anchor: "middle")
    return canvas.document()
  }

  func terminal(_ color: Bool) -> String {
    var lines = ["N = \(depth): peak live activations by segment length K = 1 … \(depth)"]
    for row in TerminalDrawing.columns(
      peaks.map(Double.init), maximum: Double(peaks.max() ?? 1), rows: 4)
    {
      lines.append("│" + TerminalDrawing.paint256(row, 32, color: color))
    }
    lines.append("extra layer forwards")
    for row in TerminalDrawing.columns(
      extras.map(Double.init), maximum: Double(extras.max() ?? 1), rows: 3)
    {
      lines.append("│" + TerminalDrawing.paint256(row, 172, color: color))
    }
    let first = best.first ?? 1
    let marks = String(repeating: " ", count: first) + String(repeating: "↑", count: best.count)
    lines.append(marks + " smallest peak \(peaks.min() ?? 0) at \(bestText) (√\(depth) = \(root))")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The swap example's two streams at two link speeds.
struct SwapPicture {
  let runs: [(String, SwapTimeline)]

  static func example() -> SwapPicture {
    SwapPicture(
      runs: [1.0, 2.0].compactMap { bandwidth in
        guard let problem = try? SwapProblem.lessonExample(bandwidth: bandwidth) else {
          return nil
        }
        let label = "\(ByteFormatting.trimmed(bandwidth, decimals: 0)) MB/ms"
        return (label, SwapTimeline(problem, swapping: [0]))
      })
  }

  private var longest: Double { runs.map(\.1.stepTime).max() ?? 1 }

  func svg() -> String {
    let (left, right, lane) = (110.0, 20.0, 26.0)
    var canvas = SVGCanvas(
      width: 760, height: 60 + Double(runs.count) * (2 * lane + 60), style: .inlineCSS)
    let plotWidth = canvas.width - left - right
    let x = { (t: Double) in left + t / longest * plotWidth }
    canvas.text(
      "Swapping layer 0's activation: compute stream and host link", x: left, y: 22, size: 14,
      bold: true)
    for (index, run) in runs.enumerated() {
      let top = 44 + Double(index) * (2 * lane + 60)
      canvas.text(
        "\(run.0): step \(ByteFormatting.trimmed(run.1.stepTime, decimals: 2)) ms", x: left,
        y: top, size: 12, bold: true)
      canvas.text("compute", x: left - 8, y: top + 10 + lane / 2 + 4, size: 11, anchor: "end")
      canvas.text("link", x: left - 8, y: top + 14 + 1.5 * lane + 4, size: 11, anchor: "end")
      for interval in run.1.intervals {
        let onLink = interval.kind == .swapOut || interval.kind == .swapIn
        let y = top + (onLink ? 14 + lane : 10)
        let colours: [SwapTimeline.Kind: String] = [
          .forward: "#85c1e9", .backward: "#2e86c1", .swapOut: "#f5b041", .swapIn: "#d35400",
        ]
        canvas.rect(
          x: x(interval.start), y: y, width: x(interval.end) - x(interval.start),
          height: lane - 4, fill: colours[interval.kind] ?? "#999", stroke: "#fff")
        canvas.text(
          label(interval), x: (x(interval.start) + x(interval.end)) / 2, y: y + lane / 2 + 2,
          size: 11, anchor: "middle")
      }
      let axis = top + 2 * lane + 20
      canvas.line(x1: left, y1: axis, x2: left + plotWidth, y2: axis, stroke: "#888")
      for tick in stride(from: 0.0, through: longest, by: 2) {
        canvas.line(x1: x(tick), y1: axis, x2: x(tick), y2: axis + 4, stroke: "#888")
        canvas.text(
          ByteFormatting.trimmed(tick, decimals: 0), x: x(tick), y: axis + 15, size: 10,
          anchor: "middle")
      }
    }
    canvas.text(
      "time (ms)", x: left + plotWidth / 2, y: canvas.height - 8, size: 11, anchor: "middle")
    return canvas.document()
  }

  func terminal(_ color: Bool) -> String {
    let scale = 3.0  // columns per millisecond
    var lines: [String] = []
    for run in runs {
      lines.append(
        "\(run.0): step \(ByteFormatting.trimmed(run.1.stepTime, decimals: 2)) ms "
          + "(F forward, B backward, > swap-out, < swap-in)")
      for onLink in [false, true] {
        var row = [Character](repeating: " ", count: Int(longest * scale))
        var painted: [(Int, Int, Int)] = []
        for interval in run.1.intervals
        where (interval.kind == .swapOut || interval.kind == .swapIn) == onLink {
          let start = Int((interval.start * scale).rounded())
          let end = min(row.count, Int((interval.end * scale).rounded()))
          let text = Array(
            label(interval).replacingOccurrences(of: "out ", with: ">")
              .replacingOccurrences(of: "in ", with: "<"))
          for column in start..<max(start, end) {
            let offset = column - start
            row[column] = offset < text.count ? text[offset] : "·"
          }
          painted.append((start, end, code(interval.kind)))
        }
        var text = ""
        for (column, character) in row.enumerated() {
          let colour = painted.first { $0.0 <= column && column < $0.1 }?.2
          text +=
            colour.map { TerminalDrawing.paint256(String(character), $0, color: color) }
            ?? String(character)
        }
        lines.append((onLink ? "link    │" : "compute │") + text)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func label(_ interval: SwapTimeline.Interval) -> String {
    switch interval.kind {
    case .forward: return "F\(interval.layer)"
    case .backward: return "B\(interval.layer)"
    case .swapOut: return "out \(interval.layer)"
    case .swapIn: return "in \(interval.layer)"
    }
  }

  private func code(_ kind: SwapTimeline.Kind) -> Int {
    switch kind {
    case .forward: return 117
    case .backward: return 33
    case .swapOut: return 214
    case .swapIn: return 166
    }
  }
}
