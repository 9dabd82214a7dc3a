import Foundation

/// Where `workbook watch` shows things. The session thinks in pages: `begin` starts one (an
/// exercise's header, drawn at the width of the moment), `append` adds lines under it, and
/// the activity (a check running) or the keys sit on the bottom line.
public protocol WatchOutput: AnyObject {
  /// Starts a new page whose first lines are `header(width)`.
  func begin(header: @escaping (Int) -> [String])
  /// Adds lines to the page.
  func append(_ lines: [String])
  /// Says which keys work, where the output shows them as a line of their own.
  func keys()
  /// Shows what is running (`Checking X…`), or nothing when `text` is nil.
  func activity(_ text: String?)
  /// Advances the spinner; called about ten times a second while something runs.
  func tick()
  /// Draws everything again at the terminal's new size.
  func redraw()
  /// The width to lay text out at now.
  var width: Int { get }
}

/// The watch as a log of lines, for pipes and files: nothing is cleared or redrawn, and the
/// keys and activity are lines like any other, so a script reads a plain transcript.
public final class WatchLog: WatchOutput {
  /// The width text is laid out at.
  public let width: Int
  private let keysLine: String
  private let write: (String) -> Void

  /// Creates a log that prints each line with `write`.
  public init(width: Int, keysLine: String, write: @escaping (String) -> Void) {
    self.width = width
    self.keysLine = keysLine
    self.write = write
  }

  /// Prints the header.
  public func begin(header: @escaping (Int) -> [String]) { header(width).forEach(write) }
  /// Prints the lines.
  public func append(_ lines: [String]) { lines.forEach(write) }
  /// Prints the keys line.
  public func keys() { write(keysLine) }
  /// Prints the activity once.
  public func activity(_ text: String?) { if let text { write(text) } }
  /// Nothing: a log has no spinner.
  public func tick() {}
  /// Nothing: a log is never redrawn.
  public func redraw() {}
}

/// The watch as a full screen: the page from the top, cut to the rows there are, and one
/// status line at the bottom (a spinner while a check runs, else the keys). Every change draws
/// the whole frame in one write, so a resize or a burst of output never leaves half a screen.
public final class WatchFullScreen: WatchOutput {
  /// Spinner frames (Braille dots, as cargo and rustlings use).
  static let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

  private let keysLine: String
  private let dim: (String) -> String
  private let size: () -> (columns: Int, rows: Int)
  private let write: (String) -> Void
  private var header: (Int) -> [String] = { _ in [] }
  private var body: [String] = []
  private var running: String?
  private var frame = 0

  /// Creates a screen that reads the terminal size with `size` and writes frames with `write`
  /// (no newline added).
  public init(
    keysLine: String, dim: @escaping (String) -> String,
    size: @escaping () -> (columns: Int, rows: Int), write: @escaping (String) -> Void
  ) {
    self.keysLine = keysLine
    self.dim = dim
    self.size = size
    self.write = write
  }

  /// The terminal's width, at most 100 columns for reading.
  public var width: Int { min(size().columns, 100) }

  /// Starts a page and draws it.
  public func begin(header: @escaping (Int) -> [String]) {
    self.header = header
    body = []
    redraw()
  }

  /// Adds lines and draws.
  public func append(_ lines: [String]) {
    body += lines
    redraw()
  }

  /// Nothing: the keys are always on the bottom line.
  public func keys() {}

  /// Shows the activity with a spinner, or the keys again.
  public func activity(_ text: String?) {
    running = text
    frame = 0
    redraw()
  }

  /// The next spinner frame.
  public func tick() {
    guard running != nil else { return }
    frame += 1
    redraw()
  }

  /// Draws the frame: clear, the page, the status line on the last row.
  public func redraw() {
    write(render())
  }

  /// The frame as text: the page wrapped to the columns and cut to the rows, the status line
  /// moved to the last row.
  func render() -> String {
    let (columns, rows) = size()
    var lines = header(min(columns, 100)).flatMap { Self.hardWrap($0, columns: columns) }
    lines += body.flatMap { Self.hardWrap($0, columns: columns) }
    let room = max(1, rows - 2)
    if lines.count > room {
      let hidden = lines.count - (room - 1)
      lines = Array(lines.prefix(room - 1)) + [dim("… \(hidden) more lines below")]
    }
    let status =
      running.map { "\(Self.spinner[frame % Self.spinner.count]) " + $0 } ?? keysLine
    return "\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\u{1B}[0m\n") + "\u{1B}[0m"
      + "\u{1B}[\(rows);1H" + Self.hardWrap(status, columns: columns)[0] + "\u{1B}[0m"
  }

  /// Cuts `line` into pieces of at most `columns` visible characters; escape sequences (colours)
  /// take no room and stay with the text they colour.
  static func hardWrap(_ line: String, columns: Int) -> [String] {
    guard columns > 0 else { return [line] }
    var pieces: [String] = []
    var current = ""
    var visible = 0
    var inEscape = false
    for character in line {
      if inEscape {
        current.append(character)
        if let ascii = character.asciiValue, (0x40...0x7E).contains(ascii), character != "[" {
          inEscape = false
        }
        continue
      }
      if character == "\u{1B}" {
        inEscape = true
        current.append(character)
        continue
      }
      if visible == columns {
        pieces.append(current)
        current = ""
        visible = 0
      }
      current.append(character)
      visible += 1
    }
    pieces.append(current)
    return pieces
  }
}
