import ArgumentParser

@main
struct Workbook: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "The memory-in-ML workbook.")
  func run() throws { print("workbook") }
}
