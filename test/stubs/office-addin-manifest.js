// office-addin-mock needs only the OfficeApp host enum from office-addin-manifest, whose own
// dependencies are ESM-only and cannot load under Jest 30.
module.exports = {
  OfficeApp: {
    Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word",
  },
};
