import ArgumentParser
@_spi(Reference) import NumberFormats

/// `workbook float`: take a bit pattern apart, or round a value into a number format.
struct FloatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "float",
    abstract: "Explore a number format bit by bit: decode a pattern or round a value.",
    discussion: """
      A pattern is hex (0x3c00) or binary (0b0011110000000000); anything else is read as a \
      decimal value (0.1, -2.5e-3, inf, nan), rounded to nearest, ties to even.
      """)

  // Unrecognized words are collected too, so that a negative value such as -0.5 is taken as
  // the input rather than rejected as an unknown option.
  @Argument(
    parsing: .allUnrecognized,
    help: "A bit pattern (0x3c00, 0b0011…) or a decimal value (0.1, -1e-3, inf, nan).")
  var input: [String] = []

  @Option(help: "The format: \(FloatExplorer.formatNames.joined(separator: ", ")).")
  var format = "fp32"

  @Flag(help: "Print the report as JSON.")
  var json = false

  @Flag(help: "Colour the sign, exponent and fraction fields (ANSI).")
  var color = false

  func run() throws {
    let report: FloatReport
    do {
      let input = self.input.filter { $0 != "--" }
      guard input.count == 1 else {
        throw FloatExplorerError(
          input.isEmpty
            ? "give one bit pattern (0x3c00) or decimal value (0.1)"
            : "give one input, not \(input.count): \(input.joined(separator: " "))")
      }
      report = try FloatExplorer.explore(input[0], format: format)
    } catch let error as FloatExplorerError {
      throw ValidationError(error.message)
    }
    print(json ? try report.json() : report.rendered(color: color))
  }
}
