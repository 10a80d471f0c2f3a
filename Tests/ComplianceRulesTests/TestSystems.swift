/// A system description that validates with no diagnostic: 9 lines, `purpose` last; tests append
/// to it or replace its lines.
let minimalSystem = """
    apiVersion: compliance-check/v1
    kind: AISystem
    system:
      id: demo
      name: Demo
      jurisdictions: [KZ]
      sectors: [education]
    purpose:
      intended_use: Tutoring.

    """
