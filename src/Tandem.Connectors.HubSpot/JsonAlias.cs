// Vendor JSON is read with the shared readers of Tandem.Connectors; the short name keeps the call sites readable.
global using Json = Tandem.Connectors.Http.JsonFields;
