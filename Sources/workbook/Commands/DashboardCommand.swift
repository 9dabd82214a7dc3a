import ArgumentParser

/// Bare `workbook`: the course dashboard.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Show the lessons, their exercises and the next step.")

  func run() throws {
    print("Memory in Machine-Learning Systems")
  }
}
