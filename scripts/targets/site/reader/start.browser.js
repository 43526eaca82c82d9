// Once the page is read: set up each part of the reader.
followHeaderHeight();
setUpMenu();
setUpKeys();
setUpSettings();
setUpNotes();
setUpSearch();
