"""The permissions of the image library, by name (thinktank.permissions checks them)."""

ADD_IMAGE = "library.add_image"
CHANGE_IMAGE = "library.change_image"
DELETE_IMAGE = "library.delete_image"
VIEW_IMAGE = "library.view_image"
