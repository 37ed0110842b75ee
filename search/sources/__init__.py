"""Where articles come from. Files and folders today; feeds and web pages come later."""
