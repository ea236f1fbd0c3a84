/*
 * The focal point of a photo, set by a click on its thumbnail (thinktank/widgets.py,
 * FocalPointImageWidget). A click writes the point, in percent across and down the
 * image, into the form's two number inputs named by the thumbnail's data-focal-x and
 * data-focal-y, and the marker shows it; typing in the inputs moves the marker.
 * Choosing a new file shows it in the thumbnail, so its point can be set before the
 * save. Without this script the number inputs work as they are.
 */
(function () {
  "use strict";

  function percent(value) {
    var number = parseFloat(value);
    if (isNaN(number)) {
      return null;
    }
    return Math.min(100, Math.max(0, Math.round(number)));
  }

  function setUp(box) {
    var form = box.closest("form");
    var image = box.querySelector(".focal-point__image");
    var marker = box.querySelector(".focal-point__marker");
    var across = form && form.elements.namedItem(box.dataset.focalX);
    var down = form && form.elements.namedItem(box.dataset.focalY);
    if (!image || !marker || !across || !down) {
      return;
    }
    box.classList.add("focal-point--active");

    function show() {
      var x = percent(across.value);
      var y = percent(down.value);
      marker.hidden = image.hidden || x === null || y === null;
      if (!marker.hidden) {
        box.style.setProperty("--focal-x", x + "%");
        box.style.setProperty("--focal-y", y + "%");
      }
    }

    function write(input, value) {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    image.addEventListener("click", function (event) {
      // The image's own coordinates: left to right, top to bottom, in any language.
      var rect = image.getBoundingClientRect();
      if (!rect.width || !rect.height) {
        return;
      }
      write(across, percent(((event.clientX - rect.left) / rect.width) * 100));
      write(down, percent(((event.clientY - rect.top) / rect.height) * 100));
      show();
    });
    across.addEventListener("input", show);
    down.addEventListener("input", show);

    // A newly chosen file is shown at once (it is not uploaded until the save).
    var widget = box.closest(".focal-point-widget");
    var upload = widget && widget.querySelector("input[type=file]");
    if (upload && window.URL && URL.createObjectURL) {
      upload.addEventListener("change", function () {
        var file = upload.files && upload.files[0];
        if (!file) {
          return;
        }
        if (image.dataset.objectUrl) {
          URL.revokeObjectURL(image.dataset.objectUrl);
        }
        image.dataset.objectUrl = URL.createObjectURL(file);
        image.removeAttribute("width");
        image.removeAttribute("height");
        image.src = image.dataset.objectUrl;
        image.hidden = false;
        show();
      });
    }
    show();
  }

  function start() {
    document.querySelectorAll(".focal-point[data-focal-x][data-focal-y]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
